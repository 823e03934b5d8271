// Port ↔ EventStoreDB shapes.
//   Checkpoint ↔ $all Position: { transactionId: commit, position: prepare }. ESDB's $all is
//   one totally ordered log, so ordering checkpoints by (commit, prepare), as compareCheckpoints
//   does, is ESDB's own order, and it is gap-free by construction.
//   ExpectedVersion → expectedRevision: n → BigInt(n), -1/no_stream → "no_stream", and the rest 1:1.
//   Event data/metadata go through the project's JSON codec (bigints as {"$bigint": "…"}).
import type { AllStreamResolvedEvent, AppendExpectedRevision, EventData, Position, ReadPosition, ResolvedEvent } from '@eventstore/db-client';
import { fromJsonValue, toJsonValue } from '../json-codec.js';
import { START, type Checkpoint, type EventMetadata, type ExpectedVersion, type NewEvent, type RecordedEvent } from '../port.js';
import { normalizeExpectedVersion } from '../validation.js';

export function toReadPosition(checkpoint: Checkpoint): ReadPosition {
  if (checkpoint.transactionId === 0n && checkpoint.position === 0n) return 'start';
  return { commit: checkpoint.transactionId, prepare: checkpoint.position };
}

export function toCheckpoint(position: Position | undefined): Checkpoint {
  return position ? { transactionId: position.commit, position: position.prepare } : START;
}

export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  const normalized = normalizeExpectedVersion(expected);
  return typeof normalized === 'number' ? BigInt(normalized) : normalized;
}

/** ESDB's current revision ("no_stream" or the last event number) as a port version (-1 = none). */
export function toVersion(revision: bigint | 'no_stream' | undefined): number {
  if (revision === undefined || revision === 'no_stream') return -1;
  if (revision > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`stream revision ${revision} exceeds the safe integer range`);
  return Number(revision);
}

export function toEventData(event: NewEvent): EventData {
  const data = toJsonValue(event.data);
  // ESDB stores JSON objects, arrays and strings as event bodies; other top-level values are refused.
  if (data === null || typeof data === 'number' || typeof data === 'boolean') {
    throw new Error(`event ${event.eventId}: EventStoreDB needs an object, array or string as event data`);
  }
  const metadata = toJsonValue(event.metadata ?? {}) as Record<string, unknown>;
  return { id: event.eventId.toLowerCase(), contentType: 'application/json', type: event.type, data, metadata } as EventData;
}

/** A user event (not a $-stream, not a $-type, not binary): anything else is skipped. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || !event.isJson) return undefined;
  if (event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  return {
    eventId: event.id,
    type: event.type,
    data: fromJsonValue(event.data),
    metadata: event.metadata === undefined || event.metadata instanceof Uint8Array ? {} : fromJsonValue<EventMetadata>(event.metadata),
    streamId: event.streamId,
    streamVersion: toVersion(event.revision),
    // Positions come with stream reads only from server 22.6 on; START marks "unknown" before that.
    checkpoint: toCheckpoint(event.position),
    recordedAt: event.created,
  };
}
