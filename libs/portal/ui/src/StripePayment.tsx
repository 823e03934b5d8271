import { lazy, type ReactNode } from 'react';

/** The words of a card payment, in the calling role's own language and namespace. */
export interface StripePaymentTexts {
  /** the loader's name while Stripe.js loads */
  loading: string;
  /** before the amount: "You are paying" */
  paying: string;
  pay: string;
  cancel: string;
  /** the refusal's text when Stripe gives no message */
  failed: string;
  /** a title over Stripe's refusal; without it the refusal is shown alone */
  failedTitle?: string;
  paid: string;
  /** the outcome as a titled box; without it a one-line status */
  paidTitle?: string;
  another: string;
  unavailableTitle: string;
  unavailable: string;
  /** the way out when the card form could not load */
  back: string;
}

export interface StripePaymentProps {
  publishableKey: string;
  /** the PaymentIntent the API created (POST /payments/card-deposits) */
  intent: { clientSecret: string };
  /** the amount being paid, as the caller shows money */
  amount: ReactNode;
  texts: StripePaymentTexts;
  onDone: () => void;
}

/**
 * Stripe's Payment Element on the PaymentIntent the API created. Lazy: Stripe.js (a script from
 * js.stripe.com, loaded as a side effect of importing it) comes only when someone actually pays,
 * never with the login page. Render it inside a Suspense.
 */
export const StripePayment = lazy(async () => ({ default: (await import('./stripe/StripeElementsPayment.js')).StripeElementsPayment }));
