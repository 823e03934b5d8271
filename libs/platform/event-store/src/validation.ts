// Input checks shared by both adapters, so a bad append fails the same way everywhere and before
// any I/O. Expected-version semantics live here once (checkExpectedVersion).
import {
  MAX_EVENT_TYPE_LENGTH,
  MAX_EVENTS_PER_APPEND,
  MAX_READ_ALL_LIMIT,
  MAX_READ_STREAM_COUNT,
  MAX_STREAM_ID_LENGTH,
  MAX_STREAMS_PER_APPEND,
} from './limits.js';
import { WrongExpectedVersionError, type ExpectedVersion, type Snapshot, type StreamAppend } from './port.js';
import { isUuid } from './uuid.js';

export function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new Error('stream id must be a non-empty string');
  if (streamId.length > MAX_STREAM_ID_LENGTH) throw new Error(`stream id longer than ${MAX_STREAM_ID_LENGTH} characters`);
  if (streamId.includes('\u0000')) throw new Error('stream id must not contain NUL');
}

export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return;
  if (!Number.isSafeInteger(expected) || expected < -1) {
    throw new Error(`expected version must be an integer >= -1 or no_stream/stream_exists/any, got ${String(expected)}`);
  }
}

/** -1 (what AppendResult reports for an empty stream) means the same as no_stream. */
export function normalizeExpectedVersion(expected: ExpectedVersion): ExpectedVersion {
  return expected === -1 ? 'no_stream' : expected;
}

/** `actual` = version of the stream's last event, -1 when the stream has none. */
export function checkExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const wanted = normalizeExpectedVersion(expected);
  const ok =
    wanted === 'any' ||
    (wanted === 'no_stream' && actual === -1) ||
    (wanted === 'stream_exists' && actual >= 0) ||
    wanted === actual;
  if (!ok) throw new WrongExpectedVersionError(streamId, expected, actual);
}

/** Validates one append batch: distinct streams, uuids, sizes. Returns the total event count. */
export function assertValidAppends(appends: readonly StreamAppend[]): number {
  if (appends.length > MAX_STREAMS_PER_APPEND) throw new Error(`at most ${MAX_STREAMS_PER_APPEND} streams per append`);
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  let total = 0;
  for (const append of appends) {
    assertStreamId(append.streamId);
    assertExpectedVersion(append.expectedVersion);
    if (streams.has(append.streamId)) throw new Error(`stream ${append.streamId} appears twice in one append`);
    streams.add(append.streamId);
    for (const event of append.events) {
      if (!isUuid(event.eventId)) throw new Error(`event id must be a uuid, got "${event.eventId}"`);
      const id = event.eventId.toLowerCase();
      // A batch that carries one id twice is a caller bug, not a retry: refuse it loudly.
      if (eventIds.has(id)) throw new Error(`event id ${id} appears twice in one append`);
      eventIds.add(id);
      if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > MAX_EVENT_TYPE_LENGTH) {
        throw new Error(`event type must be 1..${MAX_EVENT_TYPE_LENGTH} characters`);
      }
    }
    total += append.events.length;
    if (total > MAX_EVENTS_PER_APPEND) throw new Error(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  }
  return total;
}

export function assertReadAllLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_READ_ALL_LIMIT) {
    throw new Error(`readAll limit must be 1..${MAX_READ_ALL_LIMIT}, got ${limit}`);
  }
}

/** Resolves readStream's optional arguments to checked values. */
export function readStreamBounds(fromVersion = 0, maxCount?: number): { fromVersion: number; maxCount: number; explicit: boolean } {
  if (!Number.isSafeInteger(fromVersion) || fromVersion < 0) throw new Error(`fromVersion must be >= 0, got ${fromVersion}`);
  if (maxCount === undefined) return { fromVersion, maxCount: MAX_READ_STREAM_COUNT, explicit: false };
  if (!Number.isSafeInteger(maxCount) || maxCount < 1 || maxCount > MAX_READ_STREAM_COUNT) {
    throw new Error(`maxCount must be 1..${MAX_READ_STREAM_COUNT}, got ${maxCount}`);
  }
  return { fromVersion, maxCount, explicit: true };
}

/** readStream without maxCount reads the whole stream, but refuses (never truncates) past the bound. */
export class StreamTooLongError extends Error {
  constructor(readonly streamId: string, readonly fromVersion: number) {
    super(`stream ${streamId} has more than ${MAX_READ_STREAM_COUNT} events from version ${fromVersion}: page with maxCount or load from a snapshot`);
    this.name = 'StreamTooLongError';
  }
}

/** A capability this adapter cannot honour (e.g. a cross-stream transaction on EventStoreDB). */
export class UnsupportedByAdapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedByAdapterError';
  }
}

export function assertSnapshot(snapshot: Snapshot): void {
  assertStreamId(snapshot.streamId);
  if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0) throw new Error(`snapshot version must be >= 0, got ${snapshot.version}`);
  if (!Number.isSafeInteger(snapshot.schemaVersion)) throw new Error(`snapshot schemaVersion must be an integer, got ${snapshot.schemaVersion}`);
}
