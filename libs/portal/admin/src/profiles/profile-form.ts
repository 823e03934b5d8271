// A profile's terms as form values, and the body of a creation (every term) or of a change (only
// the terms that changed; docs/API.md §5). Money stays a decimal string from MoneyInput.
import type { Profile } from '../customers/customer-wire.js';

export interface ProfileFormValues {
  name: string;
  billingType: 'prepaid' | 'postpaid';
  /** '' = none (prepaid). */
  creditLimit: string;
  /** null = the agent's sheet. */
  rateSheetId: string | null;
  initialBalance: string;
  lowBalanceThreshold: string;
  maxConcurrentCalls: number;
  maxCallDurationSeconds: number;
  language: string;
}

export const NEW_PROFILE: ProfileFormValues = {
  name: '',
  billingType: 'prepaid',
  creditLimit: '',
  rateSheetId: null,
  initialBalance: '0',
  lowBalanceThreshold: '0',
  maxConcurrentCalls: 1,
  maxCallDurationSeconds: 10_800,
  language: 'en',
};

export function profileFormValues(profile: Profile): ProfileFormValues {
  return {
    name: profile.name,
    billingType: profile.billingType,
    creditLimit: profile.creditLimit ?? '',
    rateSheetId: profile.rateSheetId,
    initialBalance: profile.initialBalance,
    lowBalanceThreshold: profile.lowBalanceThreshold,
    maxConcurrentCalls: profile.maxConcurrentCalls,
    maxCallDurationSeconds: profile.maxCallDurationSeconds,
    language: profile.language,
  };
}

export type ProfileBody = Omit<ProfileFormValues, 'creditLimit'> & { creditLimit: string | null };

/**
 * Every term, for POST /customer-profiles (a prepaid profile has no credit limit). The name goes as
 * typed: the API gives it its normal form and refuses an invisible character (docs/API.md §1 Names),
 * which String#trim would hide (a BOM).
 */
export function createProfileBody(values: ProfileFormValues): ProfileBody {
  return { ...values, creditLimit: values.billingType === 'postpaid' && values.creditLimit !== '' ? values.creditLimit : null };
}

/** The changed terms only, for PATCH /customer-profiles/{id} ({} = nothing to send). */
export function changeProfileBody(before: ProfileFormValues, values: ProfileFormValues): Partial<ProfileBody> {
  const next = createProfileBody(values);
  const previous = createProfileBody(before);
  const patch: Partial<ProfileBody> = {};
  for (const key of Object.keys(next) as (keyof ProfileBody)[]) {
    if (next[key] !== previous[key]) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
