import { z } from 'zod';
import { MoneyString, PercentString, PositiveMoneyString } from '../../money.js';
import { WalletId } from './wire.js';

/** The agent's commission on a deposit into one of its customers, rounded down to the micro-unit. */
export const CommissionAccruedV1 = z.object({
  agentId: WalletId,
  customerId: WalletId,
  cause: z.enum(['deposit', 'transfer']),
  /** depositId or transferId. */
  causeId: WalletId,
  baseAmount: PositiveMoneyString,
  commissionPercent: PercentString,
  amount: PositiveMoneyString,
  commissionBalanceAfter: MoneyString,
});
export type CommissionAccruedV1 = z.infer<typeof CommissionAccruedV1>;
