// Loads ledger accounts: the latest snapshot, then only the events after it (docs/ARCHITECTURE.md, Event store: an
// account with a million charges loads in milliseconds), through the in-process cache. Saves a
// snapshot once `snapshotEvery` events have followed the last one.
import type { PostgresEventStore } from '@billing/event-store';
import {
  ACCOUNT_SNAPSHOT_SCHEMA_VERSION,
  evolveAccount,
  fromAccountSnapshot,
  streamIdOf,
  toAccountSnapshot,
  unopenedAccount,
  type AccountSnapshot,
  type AccountState,
  type LedgerAccountId,
  type WalletEvent,
} from '@billing/wallet-domain';
import type { AccountCache } from './account-cache.js';
import type { LoadedAccount } from './loaded-account.js';

const PAGE_EVENTS = 1_000;

export interface LoadStats {
  /** events read from the store after the snapshot (the cost of the load). */
  eventsRead: number;
  snapshotVersion: number;
}

export class AccountRepository {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly cache: AccountCache,
    private readonly snapshotEvery: number,
    private readonly onSnapshotError: (error: unknown, streamId: string) => void,
  ) {}

  /** Every account asked for, from the cache when warm; unopened accounts come back at version -1. */
  async load(accountIds: Iterable<LedgerAccountId>): Promise<Map<LedgerAccountId, LoadedAccount>> {
    const loaded = new Map<LedgerAccountId, LoadedAccount>();
    const missing: LedgerAccountId[] = [];
    for (const accountId of new Set(accountIds)) {
      const cached = this.cache.get(accountId);
      if (cached === undefined) missing.push(accountId);
      else loaded.set(accountId, cached);
    }
    const fresh = await Promise.all(missing.map((accountId) => this.loadFromStore(accountId)));
    missing.forEach((accountId, index) => {
      const account = fresh[index]!.account;
      this.cache.remember(accountId, account);
      loaded.set(accountId, account);
    });
    return loaded;
  }

  /** Snapshot + tail, bypassing the cache; `stats` tells how much was read. */
  async loadFromStore(accountId: LedgerAccountId): Promise<{ account: LoadedAccount; stats: LoadStats }> {
    const streamId = streamIdOf(accountId);
    const snapshot = await this.store.loadSnapshot<AccountSnapshot>(streamId, ACCOUNT_SNAPSHOT_SCHEMA_VERSION);
    let state: AccountState = snapshot === undefined ? unopenedAccount(accountId) : fromAccountSnapshot(snapshot.state);
    let version = snapshot?.version ?? -1;
    const snapshotVersion = version;
    let eventsRead = 0;
    for (;;) {
      const page = await this.store.readStream(streamId, version + 1, PAGE_EVENTS);
      for (const recorded of page) {
        if (recorded.streamVersion !== version + 1) throw new Error(`stream ${streamId}: expected version ${version + 1}, read ${recorded.streamVersion}`);
        state = evolveAccount(state, recorded.data as WalletEvent);
        version = recorded.streamVersion;
      }
      eventsRead += page.length;
      if (page.length < PAGE_EVENTS) break;
    }
    return { account: { state, version, snapshotVersion }, stats: { eventsRead, snapshotVersion } };
  }

  /** After a successful append: the new state, snapshotted when enough events accumulated. */
  async written(accountId: LedgerAccountId, account: LoadedAccount): Promise<void> {
    let next = account;
    if (account.version - account.snapshotVersion >= this.snapshotEvery) {
      const streamId = streamIdOf(accountId);
      try {
        await this.store.saveSnapshot({ streamId, version: account.version, schemaVersion: ACCOUNT_SNAPSHOT_SCHEMA_VERSION, state: toAccountSnapshot(account.state) });
        next = { ...account, snapshotVersion: account.version };
      } catch (error) {
        // the events are committed; only later loads get slower
        this.onSnapshotError(error, streamId);
      }
    }
    this.cache.remember(accountId, next);
  }

  forget(accountId: LedgerAccountId): void {
    this.cache.forget(accountId);
  }

  /** Drops every cached state (tests measuring cold loads; operators after a restore). */
  clearCache(): void {
    this.cache.clear();
  }
}
