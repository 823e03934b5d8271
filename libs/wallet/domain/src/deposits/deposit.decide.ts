// Deposits: money entering the ledger from outside (ITC by hand, a card, an ITC-funded initial
// balance). A deposit into a customer account accrues its agent's commission in the same
// transaction: FundsDeposited on the customer stream + CommissionAccrued on the agent's
// commission stream, appended atomically.
import type { LedgerAccount, AccountState } from '../accounts/account-state.js';
import { accrueCommission } from '../commission/accrue-commission.js';
import type { DepositToAgent, DepositToCustomer } from '../commands.js';
import type { FundsDeposited, WalletEvent } from '../events.js';
import { rejections } from '../rejections.js';
import { checkCommissionRate, checkId, checkPositiveAmount, isValidId } from '../shared/checks.js';
import { auditOf, type Audit } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';
import { fundingAccountOf, sameSource, type DepositSource } from './deposit-source.js';

export function decideDepositToAgent(command: DepositToAgent, agent: AccountState): FundsDeposited[] {
  const audit = auditOf(command.meta);
  checkId(command.depositId, 'depositId');
  checkId(command.agentId, 'agentId');
  const amountMicros = checkPositiveAmount(command.amountMicros);
  const source = checkSource(command.source);
  const account = existing(agent, rejections.agentAccountNotFound);
  if (isRepeat(account, command.depositId, amountMicros, source)) return [];
  requireOpen(account, rejections.agentAccountClosed);
  return [deposited(account, command.depositId, amountMicros, source, 0n, audit)];
}

export function decideDepositToCustomer(command: DepositToCustomer, accounts: { customer: AccountState; commission: AccountState | null }): WalletEvent[] {
  const audit = auditOf(command.meta);
  checkId(command.depositId, 'depositId');
  const customerId = checkId(command.customerId, 'customerId');
  const amountMicros = checkPositiveAmount(command.amountMicros);
  const commissionMicroPercent = checkCommissionRate(command.agentCommissionMicroPercent);
  if (command.agentId === null && commissionMicroPercent !== 0n) throw rejections.commissionWithoutAgent();
  const source = checkSource(command.source);
  const customer = existing(accounts.customer, rejections.customerAccountNotFound);
  if (customer.agentId !== command.agentId) throw rejections.customerOfAnotherAgent();
  if (isRepeat(customer, command.depositId, amountMicros, source)) return [];
  requireOpen(customer, rejections.customerAccountClosed);
  if (accounts.commission === null) return [deposited(customer, command.depositId, amountMicros, source, 0n, audit)];

  const commission = existing(accounts.commission, rejections.commissionAccountNotFound);
  const accrual = accrueCommission(
    commission,
    { customerId, cause: { kind: 'deposit', depositId: command.depositId }, baseAmountMicros: amountMicros, commissionMicroPercent },
    audit,
  );
  const deposit = deposited(customer, command.depositId, amountMicros, source, accrual.commissionMicros, audit);
  return accrual.event === null ? [deposit] : [deposit, accrual.event];
}

function deposited(account: LedgerAccount, depositId: string, amountMicros: bigint, source: DepositSource, commissionMicros: bigint, audit: Audit): FundsDeposited {
  return {
    type: 'FundsDeposited',
    accountId: account.accountId as FundsDeposited['accountId'],
    agentId: account.agentId,
    depositId,
    amountMicros,
    source,
    fundingAccount: fundingAccountOf(source),
    commissionMicros,
    balanceAfterMicros: account.balanceMicros + amountMicros,
    ...audit,
  };
}

/** The same depositId again: nothing to do if it is the same deposit, a conflict if it is not. */
function isRepeat(account: LedgerAccount, depositId: string, amountMicros: bigint, source: DepositSource): boolean {
  const previous = account.deposits.get(depositId);
  if (previous === undefined) return false;
  if (previous.amountMicros === amountMicros && sameSource(previous.source, source)) return true;
  throw rejections.depositIdReused();
}

function checkSource(source: DepositSource): DepositSource {
  if (source.kind === 'manual' && !isValidId(source.reference)) throw rejections.invalidReference();
  if (source.kind === 'card') checkId(source.paymentIntentId, 'paymentIntentId');
  return source;
}
