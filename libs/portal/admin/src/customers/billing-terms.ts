// The customer's own billing terms ITC may change (PATCH /customers/{id}, docs/API.md §6): the
// rate sheet and, postpaid, the credit limit. The body names only what changed.
import { compareMoney } from '@billing/portal-ui';
import type { Customer } from './customer-wire.js';

export interface BillingTermsValues {
  /** null: keep the sheet it has (the API cannot take a sheet away). */
  rateSheetId: string | null;
  /** the normalised amount; '' while empty (prepaid: unused). */
  creditLimit: string;
}

export function billingTermsValues(customer: Pick<Customer, 'rateSheetId' | 'creditLimit'>): BillingTermsValues {
  return { rateSheetId: customer.rateSheetId, creditLimit: customer.creditLimit ?? '' };
}

/** The PATCH body: the changed terms only ({} = nothing to send); amounts compared as amounts (10 = 10.00). */
export function billingTermsChange(customer: Pick<Customer, 'rateSheetId' | 'creditLimit' | 'billingType'>, values: BillingTermsValues): { rateSheetId?: string; creditLimit?: string } {
  const change: { rateSheetId?: string; creditLimit?: string } = {};
  if (values.rateSheetId !== null && values.rateSheetId !== customer.rateSheetId) change.rateSheetId = values.rateSheetId;
  if (customer.billingType === 'postpaid' && values.creditLimit !== '' && (customer.creditLimit === null || compareMoney(values.creditLimit, customer.creditLimit) !== 0)) {
    change.creditLimit = values.creditLimit;
  }
  return change;
}
