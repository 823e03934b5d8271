import { lazy, Suspense } from 'react';
import type { BillingTerms } from './billing-terms/billing-terms.js';

/** The card's words, in the calling role's own namespace. */
export interface BillingTermsTexts {
  title: string;
  sheet: string;
  /** under the sheet select (which sheets are offered) */
  sheetHint?: string;
  /**
   * the customer's sheet while it is none of `sheets` (one the caller cannot assign, e.g. ITC's own on
   * the agent's page): that sheet is not offered back, so this says it in the field's description, which
   * a screen reader announces with the field (a placeholder may not be)
   */
  otherSheet?: string;
  /** the select's placeholder while its value is none of `sheets` (e.g. "Choose one of your sheets") */
  chooseSheet?: string;
  creditLimit: string;
  save: string;
  saved: string;
}

export interface BillingTermsCardProps {
  customerId: string;
  terms: BillingTerms;
  closed: boolean;
  /** the sheets the caller may assign (value: id, label: what it calls the sheet); only these are offered */
  sheets: { value: string; label: string }[];
  /** a long list: typing filters it */
  searchable?: boolean;
  texts: BillingTermsTexts;
  /** after the PATCH: refresh what shows the customer (a promise keeps the button busy until then) */
  onSaved: () => unknown;
}

const Form = lazy(async () => ({ default: (await import('./billing-terms/BillingTermsCardForm.js')).BillingTermsCardForm }));

/**
 * The customer's rate sheet and (postpaid) credit limit, changed with PATCH /customers/{id}; ITC's
 * and the agent's customer pages share it. Lazy: everything exported here is in the login page's
 * first load, which this form (and Mantine's Select) would grow by ~15 kB gzipped.
 */
export function BillingTermsCard(props: BillingTermsCardProps) {
  return (
    <Suspense fallback={null}>
      <Form {...props} />
    </Suspense>
  );
}
