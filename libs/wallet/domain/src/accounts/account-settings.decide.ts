// Threshold, credit limit and closing follow the accounts context. Setting a value the account
// already has yields no events, so a redelivered accounts event is harmless.
//
// A credit limit lowered below what a postpaid customer already uses is accepted: the accounts
// context decided it. The account is then below its floor, which refuses every new hold until
// payments bring it back (same as a call that cost more than its hold).
import type { ChangeCreditLimit, ChangeLowBalanceThreshold, CloseAccount } from '../commands.js';
import type { AccountClosed, CreditLimitChanged, LowBalanceThresholdChanged } from '../events.js';
import { rejections } from '../rejections.js';
import { checkThreshold } from '../shared/checks.js';
import { auditOf } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';
import { kindOf } from './account-id.js';
import type { AccountState } from './account-state.js';

export function decideChangeThreshold(command: ChangeLowBalanceThreshold, state: AccountState): LowBalanceThresholdChanged[] {
  const audit = auditOf(command.meta);
  const lowBalanceThresholdMicros = checkThreshold(command.lowBalanceThresholdMicros);
  if (kindOf(command.accountId) === 'agent-commission') throw rejections.noThresholdOnCommission();
  const account = requireOpen(existing(state));
  if (account.lowBalanceThresholdMicros === lowBalanceThresholdMicros) return [];
  return [{ type: 'LowBalanceThresholdChanged', accountId: command.accountId, agentId: account.agentId, lowBalanceThresholdMicros, ...audit }];
}

export function decideChangeCreditLimit(command: ChangeCreditLimit, state: AccountState): CreditLimitChanged[] {
  const audit = auditOf(command.meta);
  if (command.creditLimitMicros < 0n) throw rejections.invalidCreditLimit();
  const customer = requireOpen(existing(state, rejections.customerAccountNotFound), rejections.customerAccountClosed);
  if (customer.billingType !== 'postpaid') throw rejections.notPostpaid();
  if (customer.creditLimitMicros === command.creditLimitMicros) return [];
  return [{ type: 'CreditLimitChanged', accountId: customer.accountId as CreditLimitChanged['accountId'], agentId: customer.agentId, creditLimitMicros: command.creditLimitMicros, ...audit }];
}

export function decideCloseAccount(command: CloseAccount, state: AccountState): AccountClosed[] {
  const audit = auditOf(command.meta);
  const account = existing(state);
  if (account.status === 'closed') return [];
  return [{ type: 'AccountClosed', accountId: account.accountId, agentId: account.agentId, ...audit }];
}
