import { z } from 'zod';
import { MoneyString, NonNegativeMoneyString } from '../../money.js';
import { holder } from './wire.js';

/** A debit took the balance below the holder's threshold: one per crossing (the low-balance e-mail). */
export const LowBalanceCrossedV1 = z.object({
  ...holder,
  balance: MoneyString,
  threshold: NonNegativeMoneyString,
});
export type LowBalanceCrossedV1 = z.infer<typeof LowBalanceCrossedV1>;
