// The event-store port (docs/ARCHITECTURE.md, Event store). Services, relays and projections depend on this interface
// only; the PostgreSQL adapter is the default, the EventStoreDB adapter passes the same suite.

/** Expected stream version for optimistic concurrency. Versions count from 0 (first event). */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export const NO_STREAM = 'no_stream' as const;
export const ANY = 'any' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** who caused it: `admin:<id>`, `agent:<id>`, `system`, ... */
  actor?: string;
  [key: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  /** uuid; appending an id that is already stored is a no-op (idempotent append). */
  eventId: string;
  type: string;
  data: Data;
  metadata?: EventMetadata;
}

/**
 * A position in the global order. PostgreSQL: (xid8 of the appending transaction, global_position).
 * The all-stream is ordered by (transactionId, position); both compared as bigint.
 */
export interface Checkpoint {
  transactionId: bigint;
  position: bigint;
}

export const START: Checkpoint = Object.freeze({ transactionId: 0n, position: 0n });

export interface RecordedEvent<Data = unknown> {
  eventId: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
  streamId: string;
  streamVersion: number;
  checkpoint: Checkpoint;
  recordedAt: Date;
}

export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  expectedVersion: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** version of the last event of the stream after the append (-1 = stream still empty). */
  nextExpectedVersion: number;
  /** events actually written (duplicates by eventId are skipped). */
  writtenCount: number;
  /** true when options.inbox was already recorded: nothing was written (append() only). */
  duplicateInbox?: boolean;
}

/** Exactly-once marker stored in the same transaction as an append (consumer inbox, docs/ARCHITECTURE.md, Messaging). */
export interface InboxEntry {
  consumer: string;
  messageId: string;
}

export interface AppendOptions {
  /** Record this inbox entry atomically with the append; if it already exists nothing is written. */
  inbox?: InboxEntry;
}

export interface MultiAppendResult {
  results: AppendResult[];
  /** true when options.inbox was already recorded: the whole append was skipped. */
  duplicateInbox: boolean;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** where the next readAll should continue from (unchanged when no events were returned). */
  checkpoint: Checkpoint;
}

export interface Snapshot<State = unknown> {
  streamId: string;
  /** stream version the state includes (all events up to and including this version). */
  version: number;
  /** identifies the state shape; a snapshot of another schema version is ignored. */
  schemaVersion: number;
  state: State;
}

export interface Subscription {
  /** resolves when the subscription has stopped and no handler is running. */
  stop(): Promise<void>;
  /** checkpoint after the last batch the handler completed. */
  readonly checkpoint: Checkpoint;
}

export interface SubscribeOptions {
  from: Checkpoint;
  /** max events per handler call; bounded (default 500). */
  batchSize?: number;
  /** poll interval when no notification arrives (default 1000 ms). */
  pollIntervalMs?: number;
  /** called with every batch in global order; the subscription advances only after it resolves. */
  handler: (events: RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
  /** called when the handler or the store fails; the subscription retries the same batch with backoff. */
  onError?: (error: unknown) => void;
  /** first retry delay after a failure (default 100 ms); doubles per failure up to maxRetryDelayMs. */
  retryDelayMs?: number;
  /** cap of the retry delay (default 30 000 ms). */
  maxRetryDelayMs?: number;
}

export interface EventStore {
  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** atomic: all streams or none; any version conflict fails the whole append. */
  appendMulti(appends: readonly StreamAppend[], options?: AppendOptions): Promise<MultiAppendResult>;
  readStream(streamId: string, fromVersion?: number, maxCount?: number): Promise<RecordedEvent[]>;
  /** gap-safe: never returns an event while an earlier-ordered one may still commit. */
  readAll(from: Checkpoint, limit: number): Promise<ReadAllResult>;
  subscribe(options: SubscribeOptions): Subscription;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  loadSnapshot<State>(streamId: string, schemaVersion: number): Promise<Snapshot<State> | undefined>;
  close(): Promise<void>;
}

/** Named checkpoints (relay and projection positions). load() of an unknown name gives START. */
export interface CheckpointStore<Tx = unknown> {
  load(name: string): Promise<Checkpoint>;
  /** with `tx`, the save commits or rolls back with the caller's own writes. */
  save(name: string, checkpoint: Checkpoint, tx?: Tx): Promise<void>;
}

/** The expected version did not match: the caller should reload and decide again. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}

export function checkpointToString(c: Checkpoint): string {
  return `${c.transactionId}:${c.position}`;
}

export function checkpointFromString(text: string): Checkpoint {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new Error(`invalid checkpoint "${text}"`);
  return { transactionId: BigInt(match[1]!), position: BigInt(match[2]!) };
}
