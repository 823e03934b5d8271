import { z } from 'zod';
import { MoneyString, PositiveMoneyString } from '../../money.js';
import { Actor, holder, WalletId } from './wire.js';

/** A deposit taken back (refund, chargeback, correction); its commission is reversed by CommissionReversed. */
export const DepositReversedV1 = z.object({
  depositId: WalletId,
  ...holder,
  amount: PositiveMoneyString,
  reason: z.enum(['refund', 'chargeback', 'correction']),
  /** may be negative: a reversal is recorded even below the account's floor. */
  balanceAfter: MoneyString,
  actor: Actor,
});
export type DepositReversedV1 = z.infer<typeof DepositReversedV1>;
