import { z } from 'zod';
import { MoneyString, NonNegativeMoneyString, PositiveMoneyString } from '../../money.js';
import { Actor, holder, WalletId } from './wire.js';

/** Money entered an agent's main balance or a customer account (ITC by hand, card, initial balance). */
export const FundsDepositedV1 = z.object({
  depositId: WalletId,
  ...holder,
  amount: PositiveMoneyString,
  /** what the customer's agent earned on it (CommissionAccrued carries the details); "0" for agents. */
  commission: NonNegativeMoneyString,
  source: z.enum(['manual', 'card', 'initial']),
  /** ITC's reference of a manual deposit. */
  reference: z.string().min(1).max(128).nullable(),
  /** the card processor's payment of a card deposit. */
  paymentIntentId: WalletId.nullable(),
  balanceAfter: MoneyString,
  actor: Actor,
});
export type FundsDepositedV1 = z.infer<typeof FundsDepositedV1>;
