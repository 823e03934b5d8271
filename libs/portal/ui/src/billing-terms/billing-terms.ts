// A customer's billing terms ITC or its agent may change (PATCH /customers/{id}, docs/API.md §6):
// the rate sheet and, postpaid, the credit limit. The body names only what changed.
import { compareMoney, normaliseMoney } from '../money.js';

/** The terms as the customer has them now. */
export interface BillingTerms {
  billingType: 'prepaid' | 'postpaid';
  /** null: no sheet yet (the API cannot take one away, so null is never sent). */
  rateSheetId: string | null;
  creditLimit: string | null;
}

/** The form's values. */
export interface BillingTermsValues {
  /** null: keep the sheet it has. */
  rateSheetId: string | null;
  /** the normalised amount; '' while empty (prepaid: unused). */
  creditLimit: string;
}

export interface BillingTermsChange {
  rateSheetId?: string;
  creditLimit?: string;
}

export function billingTermsValues(terms: Pick<BillingTerms, 'rateSheetId' | 'creditLimit'>): BillingTermsValues {
  return { rateSheetId: terms.rateSheetId, creditLimit: normaliseMoney(terms.creditLimit ?? '') ?? '' };
}

/** The PATCH body: the changed terms only ({} = nothing to send); amounts compared as amounts (10 = 10.00). */
export function billingTermsChange(terms: BillingTerms, values: BillingTermsValues): BillingTermsChange {
  const change: BillingTermsChange = {};
  if (values.rateSheetId !== null && values.rateSheetId !== terms.rateSheetId) change.rateSheetId = values.rateSheetId;
  if (terms.billingType === 'postpaid' && values.creditLimit !== '' && (terms.creditLimit === null || compareMoney(values.creditLimit, terms.creditLimit) !== 0)) {
    change.creditLimit = values.creditLimit;
  }
  return change;
}
