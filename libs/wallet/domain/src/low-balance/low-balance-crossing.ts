// One LowBalanceCrossed per crossing (docs/API.md): the alert is armed while the balance is at or
// above the threshold (evolve re-arms it on every balance change that ends there) and a crossing
// disarms it. The balance compared is the balance, not balance − holds: holds come and go with
// every call, and an e-mail should say that money was spent, not that a call is in progress.
import type { AccountState } from '../accounts/account-state.js';
import type { LowBalanceCrossed } from '../events.js';
import type { Audit } from '../shared/command-meta.js';

/** The crossing `account` (after a decision's events) owes, or null. */
export function lowBalanceCrossing(account: AccountState, audit: Audit): LowBalanceCrossed | null {
  if (account.status === 'unopened' || account.kind === 'agent-commission') return null;
  if (!account.lowBalanceArmed || account.balanceMicros >= account.lowBalanceThresholdMicros) return null;
  return {
    type: 'LowBalanceCrossed',
    accountId: account.accountId as LowBalanceCrossed['accountId'],
    agentId: account.agentId,
    balanceMicros: account.balanceMicros,
    lowBalanceThresholdMicros: account.lowBalanceThresholdMicros,
    ...audit,
  };
}
