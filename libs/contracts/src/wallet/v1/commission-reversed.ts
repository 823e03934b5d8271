import { z } from 'zod';
import { MoneyString, PositiveMoneyString } from '../../money.js';
import { WalletId } from './wire.js';

/**
 * The commission of a reversed deposit taken back: from the commission balance as far as it goes
 * (`from: "commission"`), the rest from the agent's main balance (`from: "main"`). One event each.
 */
export const CommissionReversedV1 = z.object({
  agentId: WalletId,
  customerId: WalletId,
  depositId: WalletId,
  from: z.enum(['commission', 'main']),
  amount: PositiveMoneyString,
  /** balance of the account named by `from`; the main balance may be negative after a clawback. */
  balanceAfter: MoneyString,
});
export type CommissionReversedV1 = z.infer<typeof CommissionReversedV1>;
