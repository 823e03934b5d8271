// Request shapes of the payments endpoints (strict: unknown fields are a 400; money is a decimal
// string, a JSON number is refused with a clear message by the shared grammar).
import { PositiveMoneyString } from '@billing/contracts';
import { MICROS_PER_UNIT, parseMoney } from '@billing/money';
import { z } from 'zod';

/** One card top-up is at most 1 000 000 units (Stripe's own limits are lower for most currencies). */
export const MAX_CARD_AMOUNT_MICROS = 1_000_000n * MICROS_PER_UNIT;

export const CardDepositBody = z.strictObject({
  amount: PositiveMoneyString.refine((value) => parseMoney(value) <= MAX_CARD_AMOUNT_MICROS, { message: 'must not exceed 1000000' }).meta({
    description: "amount in the deployment's currency; must be a whole number of its minor unit (cents, yen, fils)",
    examples: ['25', '12.50'],
  }),
});
export type CardDepositBody = z.infer<typeof CardDepositBody>;

export const PaymentIntentId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_]+$/, 'must be a Stripe PaymentIntent id');
