// The account lookups every decider starts with, each with its own rejection.
import type { RejectedCommand } from '@billing/decider';
import { kindOf, type LedgerAccountId } from '../accounts/account-id.js';
import type { AccountState, LedgerAccount } from '../accounts/account-state.js';
import { rejections } from '../rejections.js';

export function existing(account: AccountState, notFound: () => RejectedCommand = notFoundRejection(account.accountId)): LedgerAccount {
  if (account.status === 'unopened') throw notFound();
  return account;
}

export function requireOpen(account: LedgerAccount, closed: () => RejectedCommand = closedRejection(account.accountId)): LedgerAccount {
  if (account.status !== 'open') throw closed();
  return account;
}

export function notFoundRejection(accountId: LedgerAccountId): () => RejectedCommand {
  switch (kindOf(accountId)) {
    case 'agent-main':
      return rejections.agentAccountNotFound;
    case 'agent-commission':
      return rejections.commissionAccountNotFound;
    case 'customer':
      return rejections.customerAccountNotFound;
  }
}

export function closedRejection(accountId: LedgerAccountId): () => RejectedCommand {
  switch (kindOf(accountId)) {
    case 'agent-main':
      return rejections.agentAccountClosed;
    case 'agent-commission':
      return rejections.commissionAccountClosed;
    case 'customer':
      return rejections.customerAccountClosed;
  }
}
