// Agent main → customer (docs/API.md; docs/ARCHITECTURE.md, Money). One decision over the three accounts involved, one event
// per stream, appended atomically: TransferredOut (agent main), TransferredIn (customer) and, as a
// transfer is a deposit for the customer, CommissionAccrued (agent commission). There is no moment
// where the money exists twice or nowhere.
//
// Idempotency is kept on the customer side (the customer's received transferIds): a customer
// receives few transfers, while an agent sends many, so the agent's state stays small. The
// service binds a transferId to one (agent, customer, amount): the Idempotency-Key does that.
import type { AccountState, LedgerAccount } from '../accounts/account-state.js';
import { accrueCommission } from '../commission/accrue-commission.js';
import type { TransferToCustomer } from '../commands.js';
import type { TransferredIn, TransferredOut, WalletEvent } from '../events.js';
import { rejections } from '../rejections.js';
import { checkCommissionRate, checkId, checkPositiveAmount, isValidId } from '../shared/checks.js';
import { auditOf } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';
import { reservationsBeforeDebit } from '../reservations/initial-balance-reservation.decide.js';

export interface TransferAccounts {
  readonly agentMain: AccountState;
  readonly customer: AccountState;
  readonly commission: AccountState;
}

export function decideTransfer(command: TransferToCustomer, accounts: TransferAccounts): WalletEvent[] {
  const audit = auditOf(command.meta);
  const transferId = checkId(command.transferId, 'transferId');
  checkId(command.agentId, 'agentId');
  const customerId = checkId(command.customerId, 'customerId');
  const amountMicros = checkPositiveAmount(command.amountMicros);
  const commissionMicroPercent = checkCommissionRate(command.agentCommissionMicroPercent);
  if (command.reference !== undefined && !isValidId(command.reference)) throw rejections.invalidReference();
  const reference = command.reference === undefined ? {} : { reference: command.reference };

  const agentMain = existing(accounts.agentMain, rejections.agentAccountNotFound);
  const customer = existing(accounts.customer, rejections.customerAccountNotFound);
  if (customer.agentId !== command.agentId) throw rejections.customerOfAnotherAgent();
  if (isRepeat(customer, transferId, amountMicros)) return [];
  requireOpen(agentMain, rejections.agentAccountClosed);
  requireOpen(customer, rejections.customerAccountClosed);
  const commission = existing(accounts.commission, rejections.commissionAccountNotFound);
  // the customer's initial-balance reservation (if any) is what this transfer spends; overdue
  // reservations of others go back to the agent first (README.md, "Initial-balance reservations").
  // An opening's funding moves what the agent committed when accounts reserved it: not re-checked.
  const fundsOpening = command.fundsOpening === true;
  const reservations = reservationsBeforeDebit(agentMain, audit, { amountMicros, fundedCustomerId: customerId, committed: fundsOpening });

  const accrual = accrueCommission(commission, { customerId, cause: { kind: 'transfer', transferId }, baseAmountMicros: amountMicros, commissionMicroPercent }, audit);
  const out: TransferredOut = {
    type: 'TransferredOut',
    accountId: agentMain.accountId as TransferredOut['accountId'],
    agentId: agentMain.agentId,
    transferId,
    customerId,
    amountMicros,
    balanceAfterMicros: agentMain.balanceMicros - amountMicros,
    ...reference,
    ...(fundsOpening ? { fundsOpening: true as const } : {}),
    ...audit,
  };
  const into: TransferredIn = {
    type: 'TransferredIn',
    accountId: customer.accountId as TransferredIn['accountId'],
    agentId: customer.agentId,
    transferId,
    amountMicros,
    commissionMicros: accrual.commissionMicros,
    balanceAfterMicros: customer.balanceMicros + amountMicros,
    ...reference,
    ...audit,
  };
  return accrual.event === null ? [...reservations, out, into] : [...reservations, out, into, accrual.event];
}

function isRepeat(customer: LedgerAccount, transferId: string, amountMicros: bigint): boolean {
  const previousMicros = customer.transfersIn.get(transferId);
  if (previousMicros === undefined) return false;
  if (previousMicros === amountMicros) return true;
  throw rejections.transferIdReused();
}
