// What messaging needs from the event-store adapters, as structural types: the PostgreSQL adapter
// (PostgresEventStore, PostgresCheckpointStore) satisfies them without this lib importing `pg`.
import type { EventStore, InboxEntry } from '@billing/event-store';

/** Named positions of one service (the port's CheckpointStore; load() of an unknown name = START). */
export type { CheckpointStore } from '@billing/event-store';

/** Read side of a consumer's inbox: used to skip an already handled message before any work. */
export interface InboxReader {
  hasInbox(entry: InboxEntry): Promise<boolean>;
}

/** A store that can record an inbox entry inside a transaction that also performs the effect. */
export interface TransactionalInbox<Tx> {
  withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** true when the entry was recorded now, false when it already existed. */
  markInbox(entry: InboxEntry, tx?: Tx): Promise<boolean>;
}

/** The producing side: its event store is the outbox. */
export type SourceStore = Pick<EventStore, 'subscribe'>;

/** The consuming side: its inbox, and its event store for the in-process dead letters. */
export type ConsumerStore = InboxReader & Pick<EventStore, 'append' | 'readStream'>;
