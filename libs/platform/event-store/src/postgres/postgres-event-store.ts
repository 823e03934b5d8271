// The PostgreSQL event store (docs/ARCHITECTURE.md, Event store): one schema per service, append-only enforced by the
// database, gap-safe global order, LISTEN/NOTIFY subscriptions. The caller owns the pool (close()
// stops subscriptions and the LISTEN connection, never pool.end()).
import type pg from 'pg';
import type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  InboxEntry,
  MultiAppendResult,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
  Snapshot,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../port.js';
import { startSubscription, stopAll } from '../subscription/subscribe.js';
import { WakeHub } from '../subscription/wake-hub.js';
import { appendStatement, writtenCount } from './append.js';
import { PostgresCheckpointStore } from './checkpoint-store.js';
import { hasInbox, heldInbox, markInbox, markInboxMany } from './inbox.js';
import { migrate } from './migration.js';
import { CommitNotifier } from './notifier.js';
import { notifySource } from './notify-source.js';
import { isRetryableAppendError } from './pg-errors.js';
import { headCheckpoint, readAll, readStream } from './read.js';
import { schemaNames, type SchemaNames } from './schema-names.js';
import { loadSnapshot, saveSnapshot } from './snapshots.js';
import { withRetries, withTransaction } from './transaction.js';

export interface PostgresEventStoreOptions {
  pool: pg.Pool;
  /** the service's schema, e.g. `wallet`; [a-z_][a-z0-9_]{0,49} */
  schema: string;
  /** run the idempotent migration at open (default true). */
  migrate?: boolean;
  /**
   * pg_notify after appends (default true), coalesced and outside the append's transaction where
   * the store can (notifier.ts); false: subscriptions in other processes rely on polling.
   */
  notify?: boolean;
}

export class PostgresEventStore implements EventStore {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** checkpoints table of this schema (relay and projection positions). */
  readonly checkpoints: PostgresCheckpointStore;
  private readonly names: SchemaNames;
  /** undefined when notify is off. */
  private readonly notifier: CommitNotifier | undefined;
  /** clients inside this store's withTransaction: their appends are notified after COMMIT. */
  private readonly ownTransactions = new Map<pg.ClientBase, { wrote: boolean }>();
  private readonly hub: WakeHub;
  private readonly live = new Set<Subscription>();
  private closed = false;

  private constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.names = schemaNames(options.schema);
    this.schema = this.names.schema;
    this.notifier = (options.notify ?? true) ? new CommitNotifier(this.pool, this.names) : undefined;
    this.checkpoints = new PostgresCheckpointStore(this.pool, this.schema);
    this.hub = new WakeHub(notifySource(this.pool, this.names.channel));
  }

  /** Opens the store on `schema`, creating schema, tables and triggers if they are missing. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    if (options.migrate ?? true) await migrate(store.pool, store.names);
    return store;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`event store ${this.schema} is closed`);
  }

  async append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    const { results, duplicateInbox } = await this.appendMulti([{ streamId, events, expectedVersion }], options);
    const result = results[0];
    if (result === undefined) throw new Error('appendMulti returned no result for a single stream');
    return duplicateInbox ? { ...result, duplicateInbox } : result;
  }

  /**
   * All streams or none, in one transaction; options.inbox is recorded in it too. One autocommit
   * statement: the append function raises on a conflict, which rolls back what it wrote.
   */
  async appendMulti(appends: readonly StreamAppend[], options?: AppendOptions): Promise<MultiAppendResult> {
    this.assertOpen();
    const mode = { atomic: true, notifyChannel: null };
    const result = await withRetries(() => appendStatement(this.pool, this.names, appends, options, mode), isRetryableAppendError);
    if (writtenCount(result) > 0) this.committed();
    return result;
  }

  /**
   * The same append inside the caller's transaction (see withTransaction), to commit it together
   * with the caller's own SQL. If it throws, the caller must roll back. In this store's
   * withTransaction the wake-up is sent after COMMIT; in any other transaction it is a pg_notify
   * inside it (the store cannot see that transaction commit).
   */
  async appendInTransaction(client: pg.ClientBase, appends: readonly StreamAppend[], options?: AppendOptions): Promise<MultiAppendResult> {
    this.assertOpen();
    const own = this.ownTransactions.get(client);
    const notifyChannel = own === undefined && this.notifier !== undefined ? this.names.channel : null;
    const result = await appendStatement(client, this.names, appends, options, { atomic: false, notifyChannel });
    if (own !== undefined && writtenCount(result) > 0) own.wrote = true;
    return result;
  }

  /** BEGIN … COMMIT on a pooled connection; ROLLBACK and rethrow when `work` throws. */
  async withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    this.assertOpen();
    const state = { wrote: false };
    const result = await withTransaction(this.pool, async (client) => {
      this.ownTransactions.set(client, state);
      try {
        return await work(client);
      } finally {
        // before COMMIT, so the connection never goes back to the pool still registered
        this.ownTransactions.delete(client);
      }
    });
    if (state.wrote) this.committed();
    return result;
  }

  /**
   * After a commit that wrote events: this process's subscriptions wake at once, other
   * processes' through the coalesced NOTIFY (none with notify: false; they poll).
   */
  private committed(): void {
    this.hub.wake();
    this.notifier?.request();
  }

  /** Records an inbox entry (in `client`'s transaction if given). true = new, false = seen before. */
  markInbox(entry: InboxEntry, client?: pg.ClientBase): Promise<boolean> {
    return markInbox(client ?? this.pool, this.names, entry);
  }

  /** Many entries in one statement (a batch of integration events): one boolean per entry, in order. */
  markInboxMany(entries: readonly InboxEntry[], client?: pg.ClientBase): Promise<boolean[]> {
    return markInboxMany(client ?? this.pool, this.names, entries);
  }

  hasInbox(entry: InboxEntry, client?: pg.ClientBase): Promise<boolean> {
    return hasInbox(client ?? this.pool, this.names, entry);
  }

  /** Which of `messageIds` `consumer` has recorded, in one statement cancelled by the server after `withinMs` (inbox.ts). */
  heldInbox(consumer: string, messageIds: readonly string[], bound: { withinMs: number; signal?: AbortSignal }): Promise<Set<string>> {
    return heldInbox(this.pool, this.names, consumer, messageIds, bound);
  }

  readStream(streamId: string, fromVersion?: number, maxCount?: number): Promise<RecordedEvent[]> {
    return readStream(this.pool, this.names, streamId, fromVersion, maxCount);
  }

  readAll(from: Checkpoint, limit: number): Promise<ReadAllResult> {
    return readAll(this.pool, this.names, from, limit);
  }

  /** Position of the newest event readAll can return now: subscribe from it to see only what comes next. */
  headCheckpoint(): Promise<Checkpoint> {
    return headCheckpoint(this.pool, this.names);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    return startSubscription((from, limit) => this.readAll(from, limit), options, this.hub, this.live);
  }

  saveSnapshot(snapshot: Snapshot): Promise<void> {
    return saveSnapshot(this.pool, this.names, snapshot);
  }

  loadSnapshot<State>(streamId: string, schemaVersion: number): Promise<Snapshot<State> | undefined> {
    return loadSnapshot<State>(this.pool, this.names, streamId, schemaVersion);
  }

  /** Stops all subscriptions (waiting for running handlers) and the LISTEN connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await stopAll(this.live);
    await this.hub.close();
    // the caller may end the pool next: let a pending wake-up go out first
    await this.notifier?.flushed();
  }
}
