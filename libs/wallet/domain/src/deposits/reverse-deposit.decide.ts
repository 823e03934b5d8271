// Reversal of a deposit (card refund or chargeback, or ITC correcting a manual deposit). The
// money has already left (the card network took it back, or it never arrived), so a reversal is
// a fact: it is recorded even when it takes the account below its floor (README.md, "Floors").
// Its commission is taken back in the same transaction: from the commission balance as far as it
// goes — the commission balance never goes below zero — and the rest, which the agent had already
// moved to its main balance, is clawed back from the main balance (which may then go negative:
// the agent owes it, and every transfer is refused until the agent deposits again).
// A deposit is reversed once and whole; a second reversal of the same deposit yields no events.
import { invariant } from '@billing/decider';
import { minMicros } from '@billing/money';
import { holderIdOf } from '../accounts/account-id.js';
import type { AccountState, LedgerAccount } from '../accounts/account-state.js';
import type { ReverseDeposit } from '../commands.js';
import type { CommissionClawedBack, CommissionReversed, DepositReversed, WalletEvent } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId } from '../shared/checks.js';
import { auditOf, type Audit } from '../shared/command-meta.js';
import { existing } from '../shared/require-account.js';

export interface ReversalAccounts {
  /** the account the deposit went into. */
  readonly account: AccountState;
  /** the agent's commission and main accounts when the deposit accrued commission (customer deposits). */
  readonly commission: AccountState | null;
  readonly agentMain: AccountState | null;
}

export function decideReverseDeposit(command: ReverseDeposit, accounts: ReversalAccounts): WalletEvent[] {
  const audit = auditOf(command.meta);
  const depositId = checkId(command.depositId, 'depositId');
  const account = existing(accounts.account);
  if (account.agentId !== command.agentId) {
    invariant(account.kind === 'customer', `ReverseDeposit on ${account.accountId} names agent ${command.agentId}`);
    throw rejections.customerOfAnotherAgent();
  }
  const deposit = account.deposits.get(depositId);
  if (deposit === undefined) throw rejections.depositNotFound();
  if (deposit.reversed) return [];

  const reversed: DepositReversed = {
    type: 'DepositReversed',
    accountId: account.accountId as DepositReversed['accountId'],
    agentId: account.agentId,
    depositId,
    amountMicros: deposit.amountMicros,
    reason: command.reason,
    fundingAccount: deposit.fundingAccount,
    balanceAfterMicros: account.balanceMicros - deposit.amountMicros,
    ...audit,
  };
  if (deposit.commissionMicros === 0n) return [reversed];
  invariant(accounts.commission !== null && accounts.agentMain !== null, `reversing ${depositId} needs the agent's accounts`);
  const commission = existing(accounts.commission, rejections.commissionAccountNotFound);
  const agentMain = existing(accounts.agentMain, rejections.agentAccountNotFound);
  return [reversed, ...takeBackCommission(deposit.commissionMicros, { commission, agentMain }, holderIdOf(account.accountId), depositId, audit)];
}

function takeBackCommission(
  commissionMicros: bigint,
  agent: { commission: LedgerAccount; agentMain: LedgerAccount },
  customerId: string,
  depositId: string,
  audit: Audit,
): (CommissionReversed | CommissionClawedBack)[] {
  const fromCommissionMicros = minMicros(commissionMicros, agent.commission.balanceMicros);
  const fromMainMicros = commissionMicros - fromCommissionMicros;
  const events: (CommissionReversed | CommissionClawedBack)[] = [];
  if (fromCommissionMicros > 0n) {
    events.push({
      type: 'CommissionReversed',
      accountId: agent.commission.accountId as CommissionReversed['accountId'],
      agentId: agent.commission.agentId,
      customerId,
      depositId,
      amountMicros: fromCommissionMicros,
      balanceAfterMicros: agent.commission.balanceMicros - fromCommissionMicros,
      ...audit,
    });
  }
  if (fromMainMicros > 0n) {
    events.push({
      type: 'CommissionClawedBack',
      accountId: agent.agentMain.accountId as CommissionClawedBack['accountId'],
      agentId: agent.agentMain.agentId,
      customerId,
      depositId,
      amountMicros: fromMainMicros,
      balanceAfterMicros: agent.agentMain.balanceMicros - fromMainMicros,
      ...audit,
    });
  }
  return events;
}
