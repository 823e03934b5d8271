import { z } from 'zod';
import { MoneyString, PositiveMoneyString } from '../../money.js';
import { Actor, WalletId } from './wire.js';

/**
 * An agent moved money from its main balance into one of its customers. Published once per
 * transfer (from the agent's leg); the customer's new balance comes as BalanceChanged and the
 * agent's commission as CommissionAccrued, all three from one atomic transaction.
 */
export const FundsTransferredV1 = z.object({
  transferId: WalletId,
  agentId: WalletId,
  customerId: WalletId,
  amount: PositiveMoneyString,
  agentBalanceAfter: MoneyString,
  actor: Actor,
});
export type FundsTransferredV1 = z.infer<typeof FundsTransferredV1>;
