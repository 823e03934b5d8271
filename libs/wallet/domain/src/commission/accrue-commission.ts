// The commission leg of a deposit into a customer account (deposit, card top-up, initial balance or
// agent transfer): same decision, same transaction, its own event on the agent's commission stream.
import type { LedgerAccount } from '../accounts/account-state.js';
import type { CommissionAccrued, CommissionCause } from '../events.js';
import type { Audit } from '../shared/command-meta.js';
import { commissionOf } from './commission-of.js';

export interface Accrual {
  readonly commissionMicros: bigint;
  /** null when the commission rounds to zero (rate 0 or a tiny deposit): nothing to post. */
  readonly event: CommissionAccrued | null;
}

export function accrueCommission(
  commission: LedgerAccount,
  deposit: { customerId: string; cause: CommissionCause; baseAmountMicros: bigint; commissionMicroPercent: bigint },
  audit: Audit,
): Accrual {
  const commissionMicros = commissionOf(deposit.baseAmountMicros, deposit.commissionMicroPercent);
  if (commissionMicros === 0n) return { commissionMicros, event: null };
  return {
    commissionMicros,
    event: {
      type: 'CommissionAccrued',
      accountId: commission.accountId as CommissionAccrued['accountId'],
      agentId: commission.agentId,
      ...deposit,
      amountMicros: commissionMicros,
      balanceAfterMicros: commission.balanceMicros + commissionMicros,
      ...audit,
    },
  };
}
