import { checkRateSheetId } from '../shared/checks.js';
import { checkBillingTerms, customerTermsOf, type CustomerTerms } from '../terms/billing-terms.js';

/** A customer's copied terms: the billing rules plus an effective rate sheet. */
export function checkCustomerTerms(terms: CustomerTerms): CustomerTerms {
  const checked = checkBillingTerms(customerTermsOf(terms));
  return { ...checked, rateSheetId: checkRateSheetId(checked.rateSheetId) };
}
