// Commission → the agent's main balance, all or part (docs/API.md). Two streams, one decision:
// CommissionTransferredOut (commission) + CommissionTransferredIn (main), appended atomically.
// Idempotency is kept on the commission account (few commission transfers per agent).
import type { AccountState } from '../accounts/account-state.js';
import type { TransferCommission } from '../commands.js';
import type { CommissionTransferredIn, CommissionTransferredOut } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId, checkPositiveAmount } from '../shared/checks.js';
import { auditOf } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';

export function decideTransferCommission(
  command: TransferCommission,
  accounts: { commission: AccountState; agentMain: AccountState },
): (CommissionTransferredOut | CommissionTransferredIn)[] {
  const audit = auditOf(command.meta);
  const commissionTransferId = checkId(command.commissionTransferId, 'commissionTransferId');
  checkId(command.agentId, 'agentId');
  if (command.amountMicros !== null) checkPositiveAmount(command.amountMicros);
  const commission = existing(accounts.commission, rejections.commissionAccountNotFound);
  const agentMain = existing(accounts.agentMain, rejections.agentAccountNotFound);

  const previousMicros = commission.commissionTransfers.get(commissionTransferId);
  if (previousMicros !== undefined) {
    // "all" repeated is the same request whatever "all" came to the first time
    if (command.amountMicros === null || command.amountMicros === previousMicros) return [];
    throw rejections.commissionTransferIdReused();
  }
  requireOpen(commission, rejections.commissionAccountClosed);
  requireOpen(agentMain, rejections.agentAccountClosed);
  if (commission.balanceMicros <= 0n) throw rejections.noCommission();
  const amountMicros = command.amountMicros ?? commission.balanceMicros;
  if (amountMicros > commission.balanceMicros) throw rejections.insufficientCommission(commission.balanceMicros);

  return [
    {
      type: 'CommissionTransferredOut',
      accountId: commission.accountId as CommissionTransferredOut['accountId'],
      agentId: commission.agentId,
      commissionTransferId,
      amountMicros,
      balanceAfterMicros: commission.balanceMicros - amountMicros,
      ...audit,
    },
    {
      type: 'CommissionTransferredIn',
      accountId: agentMain.accountId as CommissionTransferredIn['accountId'],
      agentId: agentMain.agentId,
      commissionTransferId,
      amountMicros,
      balanceAfterMicros: agentMain.balanceMicros + amountMicros,
      ...audit,
    },
  ];
}
