// Row ↔ RecordedEvent. Every int8/xid8 column is selected as text and parsed to bigint here, so
// the mapping is right whatever int8 parser the caller's pool installed; jsonb is selected as
// text and decoded by the project's codec, so tagged bigints come back exact.
import { decodeJson } from '../json-codec.js';
import type { Checkpoint, EventMetadata, RecordedEvent } from '../port.js';

/** Column list matching EventRow; `e` is the events table alias. */
export const EVENT_COLUMNS = `e.global_position::text AS global_position, e.transaction_id::text AS transaction_id,
  e.stream_id, e.stream_version, e.event_id::text AS event_id, e.type, e.data::text AS data,
  e.metadata::text AS metadata, e.recorded_at`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    data: decodeJson(row.data),
    metadata: decodeJson<EventMetadata>(row.metadata),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    checkpoint: { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
  };
}

/** Parameters for `(transaction_id, global_position) > ($n::xid8, $m::bigint)`. */
export function checkpointParams(checkpoint: Checkpoint): [string, string] {
  if (checkpoint.transactionId < 0n || checkpoint.position < 0n) throw new Error('checkpoint parts must be >= 0');
  return [checkpoint.transactionId.toString(), checkpoint.position.toString()];
}
