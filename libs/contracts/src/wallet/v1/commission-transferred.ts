import { z } from 'zod';
import { MoneyString, PositiveMoneyString } from '../../money.js';
import { Actor, WalletId } from './wire.js';

/** Commission moved to the agent's main balance (the main balance's new value comes as BalanceChanged). */
export const CommissionTransferredV1 = z.object({
  commissionTransferId: WalletId,
  agentId: WalletId,
  amount: PositiveMoneyString,
  commissionBalanceAfter: MoneyString,
  actor: Actor,
});
export type CommissionTransferredV1 = z.infer<typeof CommissionTransferredV1>;
