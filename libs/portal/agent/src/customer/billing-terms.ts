/** What the agent may change of its customer's billing (docs/API.md §6, PATCH /customers/{id}). */
export interface BillingTerms {
  rateSheetId: string;
  /** postpaid only: '' while the input holds no amount. */
  creditLimit: string;
}

export interface BillingTermsChange {
  rateSheetId?: string;
  creditLimit?: string;
}

/** Only the changed terms (a prepaid customer has no credit limit to send); `{}` = nothing to send. */
export function billingTermsChange(saved: BillingTerms, edited: BillingTerms, postpaid: boolean): BillingTermsChange {
  const change: BillingTermsChange = {};
  if (edited.rateSheetId !== saved.rateSheetId) change.rateSheetId = edited.rateSheetId;
  if (postpaid && edited.creditLimit !== '' && edited.creditLimit !== saved.creditLimit) change.creditLimit = edited.creditLimit;
  return change;
}
