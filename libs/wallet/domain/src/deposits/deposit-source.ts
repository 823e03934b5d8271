// Where deposited money comes from decides which system account funds it.
import { SYSTEM_ACCOUNTS, type FundingAccountId } from '../accounts/account-id.js';

export type DepositSource =
  /** ITC recorded money it received (bank transfer, cash, ...) with its own reference. */
  | { readonly kind: 'manual'; readonly reference: string }
  /** a card payment that succeeded at the processor. */
  | { readonly kind: 'card'; readonly paymentIntentId: string }
  /** the initial balance of a newly opened customer, funded by ITC. */
  | { readonly kind: 'initial' };

export function fundingAccountOf(source: DepositSource): FundingAccountId {
  return source.kind === 'card' ? SYSTEM_ACCOUNTS.cardClearing : SYSTEM_ACCOUNTS.funding;
}

export function sameSource(a: DepositSource, b: DepositSource): boolean {
  if (a.kind === 'manual' && b.kind === 'manual') return a.reference === b.reference;
  if (a.kind === 'card' && b.kind === 'card') return a.paymentIntentId === b.paymentIntentId;
  return a.kind === b.kind;
}
