// A Ledger is the set of account states a decision sees: the service loads the streams that
// accountsInvolved(command) names (snapshot + tail each), and an account missing from the map is
// simply not opened. The same shape folds any history in specs and property tests.
import { customerAccount, type LedgerAccountId } from '../accounts/account-id.js';
import { unopenedAccount, type AccountState } from '../accounts/account-state.js';
import { evolveAccount } from '../accounts/evolve-account.js';
import type { WalletEvent } from '../events.js';

export type Ledger = ReadonlyMap<LedgerAccountId, AccountState>;

export function emptyLedger(): Ledger {
  return new Map();
}

export function ledgerOf(accounts: Iterable<AccountState>): Ledger {
  return new Map([...accounts].map((account) => [account.accountId, account]));
}

export function accountIn(ledger: Ledger, accountId: LedgerAccountId): AccountState {
  return ledger.get(accountId) ?? unopenedAccount(accountId);
}

export function customerIn(ledger: Ledger, customerId: string): AccountState {
  return accountIn(ledger, customerAccount(customerId));
}

/** Routes the event to its account; copies only the map, never the untouched accounts. */
export function evolveLedger(ledger: Ledger, event: WalletEvent): Ledger {
  const next = new Map(ledger);
  next.set(event.accountId, evolveAccount(accountIn(ledger, event.accountId), event));
  return next;
}
