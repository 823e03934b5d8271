// Account states this process loaded or wrote last, so a command on a warm account reads nothing
// before deciding. Never trusted blindly: every append carries the cached version as expected
// version, so a state another process changed fails the append and is reloaded. Bounded (LRU).
import type { LedgerAccountId } from '@billing/wallet-domain';
import type { LoadedAccount } from './loaded-account.js';

export class AccountCache {
  private readonly entries = new Map<LedgerAccountId, LoadedAccount>();

  constructor(private readonly capacity: number) {}

  get(accountId: LedgerAccountId): LoadedAccount | undefined {
    const entry = this.entries.get(accountId);
    if (entry === undefined) return undefined;
    // re-insert: a Map iterates in insertion order, so the first key is the least recently used
    this.entries.delete(accountId);
    this.entries.set(accountId, entry);
    return entry;
  }

  /** Keeps the newer of the cached and the given version (concurrent lanes may finish out of order). */
  remember(accountId: LedgerAccountId, loaded: LoadedAccount): void {
    if (this.capacity === 0) return;
    const current = this.entries.get(accountId);
    if (current !== undefined && current.version > loaded.version) return;
    this.entries.delete(accountId);
    this.entries.set(accountId, loaded);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  forget(accountId: LedgerAccountId): void {
    this.entries.delete(accountId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
