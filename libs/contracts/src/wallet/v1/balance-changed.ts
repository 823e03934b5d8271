import { z } from 'zod';
import { MoneyString } from '../../money.js';
import { holder, WalletId } from './wire.js';

/**
 * The receiving leg of an internal movement whose business event is published from the other leg:
 * a customer credited by a transfer (FundsTransferred), an agent's main balance credited from its
 * commission (CommissionTransferred). Every other balance change carries `balanceAfter` itself.
 */
export const BalanceChangedV1 = z.object({
  ...holder,
  cause: z.enum(['transfer-in', 'commission-transfer-in']),
  /** transferId or commissionTransferId. */
  causeId: WalletId,
  /** signed change. */
  change: MoneyString,
  balanceAfter: MoneyString,
});
export type BalanceChangedV1 = z.infer<typeof BalanceChangedV1>;
