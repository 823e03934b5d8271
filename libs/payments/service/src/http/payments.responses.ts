// Response shapes of the payments routes, for OpenAPI (@ApiResponse standardSchema) and so the
// portal's generated client types them; the controllers and PaymentsQueries answer these types.
import { MoneyString } from '@billing/contracts';
import { z } from 'zod';

export const CardDepositStarted = z.object({
  paymentIntentId: z.string(),
  clientSecret: z.string().meta({ description: "the PaymentIntent's client secret, for Stripe.js" }),
  amount: MoneyString,
  currency: z.string().meta({ description: 'ISO 4217, lower case (Stripe)', example: 'usd' }),
});
export type CardDepositStarted = z.infer<typeof CardDepositStarted>;

export const CardPaymentStatus = z.enum(['requested', 'refused', 'processing', 'credited', 'partially_refunded', 'refunded', 'disputed', 'credit_refused']);

export const CardPaymentView = z.object({
  paymentIntentId: z.string(),
  kind: z.enum(['agent', 'customer']),
  holderId: z.string(),
  amount: MoneyString,
  currency: z.string().nullable(),
  status: CardPaymentStatus,
  credited: MoneyString,
  refunded: MoneyString,
  events: z.array(
    z
      .looseObject({ type: z.string(), recordedAt: z.string() })
      .meta({ description: "the audit trail: each event's own fields, `…Micros` amounts as decimal strings without the suffix" }),
  ),
});
export type CardPaymentView = z.infer<typeof CardPaymentView>;

export const StripeWebhookReceipt = z.object({
  received: z.literal(true),
  eventId: z.string(),
  type: z.string(),
  outcome: z.enum(['processed', 'duplicate', 'ignored', 'refused']),
  paymentIntentId: z.string().nullable(),
  effects: z.array(z.object({ type: z.enum(['CardDepositCredited', 'CardDepositReversed', 'WalletEffectRefused']), depositId: z.string() })),
});
export type StripeWebhookReceipt = z.infer<typeof StripeWebhookReceipt>;
