// @billing/payments-service — card payments with Stripe (issue 7): PaymentIntents for an agent's
// or a customer's own top-up, the signature-verified webhook that credits, refunds and reverses
// through the wallet exactly once, and the per-payment audit stream. See README.md beside src/.
export { PaymentsModule } from './payments.module.js';
export { PAYMENTS_OPTIONS, resolvePaymentsOptions, type PaymentsConfig, type PaymentsModuleOptions, type ResolvedPaymentsOptions, type StripeSettings } from './payments.options.js';
export { CardDeposits, type StartedCardDeposit } from './application/card-deposits.service.js';
export { StripeWebhooks, STRIPE_ACTOR, type WebhookResult } from './application/stripe-webhooks.service.js';
export { PaymentsQueries, statusOf, type CardPaymentDetails, type CardPaymentStatus } from './application/payments-queries.js';
export { PaymentsDatabase, PAYMENTS_EVENT_NAMESPACE, paymentEventId } from './infrastructure/payments-database.js';
export { StripeGateway, createStripeClient, CARD_PAYMENTS_DISABLED } from './stripe/stripe-gateway.js';
export * from './card-payment/card-payment.js';
export { cardMetadata, parseCardMetadata, readStripeEvent, METADATA, HANDLED_EVENT_TYPES, MalformedStripeEvent } from './card-payment/stripe-event.js';
export { CURRENCY_EXPONENTS, currencyExponent, fromMinorUnits, toMinorUnits, microsPerMinorUnit, InexactAmountError, UnsupportedCurrencyError } from './currency/minor-units.js';
