// What a scenario needs from a store; one implementation per event store under test.
import type { BenchEvent } from '../payload.js';

export interface ReplayCursor {
  /** reads the next page; returns the number of events in it (0 = end of the log). */
  next(): Promise<number>;
}

export interface BenchStore {
  readonly label: string;
  /**
   * Appends `events` to `streamId` in one transaction with an expected-version check.
   * `eventsBefore` = events the stream already holds (0 = new stream); the caller owns the stream.
   */
  append(streamId: string, events: BenchEvent[], eventsBefore: number): Promise<void>;
  /** A cursor over the whole log from the start, in pages of `pageSize`. */
  replay(pageSize: number): ReplayCursor;
  /** A cursor starting about `fraction` (0..1) of the way through the log (sampled replays). */
  replayFrom(pageSize: number, fraction: number): Promise<ReplayCursor>;
  /** The pool the store uses (round-trip counting, VACUUM). */
  readonly url: string;
  /** Table holding the events (for VACUUM ANALYZE and size reporting). */
  readonly eventsTable: string;
  close(): Promise<void>;
}

export interface StoreKind {
  /** key used in database names and the report. */
  key: string;
  label: string;
  /** a prototype in tools/bench/experiments, not a shipped store. */
  experimental?: boolean;
  open(url: string, poolMax: number): Promise<BenchStore>;
}
