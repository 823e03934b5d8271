// EXPERIMENT, not the adapter: readAll with the same SQL as
// libs/platform/event-store/src/postgres/read.ts and the same row mapping as rows.ts, but with
// the decoder recommended for json-codec.ts: JSON.parse without a reviver (V8's reviver path is
// ~4× slower), then — only when the text could hold a tag at all (it contains `bigint` or a
// \u escape) — an in-place walk that turns {"$bigint":"…"} objects into bigint with the same
// rules as the reviver (exactly one key, canonical digits, else JsonCodecError). Used by the
// bench to size that fix.
import { JsonCodecError, type Checkpoint, type EventMetadata, type RecordedEvent } from '@billing/event-store';
import { createPool } from '@billing/postgres';
import type { ReplayCursor } from '../stores/bench-store.js';

const TAG = '$bigint';
const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

function restoreBigints(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = restoreBigints(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === TAG) {
    const digits = record[TAG];
    if (typeof digits !== 'string' || !CANONICAL_INTEGER.test(digits)) throw new JsonCodecError(`malformed ${TAG} value ${JSON.stringify(digits)}`);
    return BigInt(digits);
  }
  for (const key of keys) {
    const restored = restoreBigints(record[key]);
    // an own "__proto__" key (JSON.parse makes one) must stay a plain property
    if (key === '__proto__') Object.defineProperty(record, key, { value: restored, enumerable: true, writable: true, configurable: true });
    else record[key] = restored;
  }
  return record;
}

function fastDecode<T>(text: string): T {
  const value: unknown = JSON.parse(text);
  return (text.includes('bigint') || text.includes('\\u') ? restoreBigints(value) : value) as T;
}

interface EventRow {
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

const SQL = `SELECT e.global_position::text AS global_position, e.transaction_id::text AS transaction_id,
  e.stream_id, e.stream_version, e.event_id::text AS event_id, e.type, e.data::text AS data,
  e.metadata::text AS metadata, e.recorded_at
  FROM "bench".events e
 WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
   AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY e.transaction_id, e.global_position LIMIT $3`;

export interface ExperimentalReader {
  replay(pageSize: number): ReplayCursor;
  close(): Promise<void>;
}

export function fastDecodeReader(url: string): ExperimentalReader {
  const pool = createPool(url, { max: 2, applicationName: 'bench:fast-decode', statementTimeoutMs: 0 });
  return {
    replay(pageSize) {
      let checkpoint: Checkpoint = { transactionId: 0n, position: 0n };
      return {
        async next() {
          const result = await pool.query<EventRow>(SQL, [checkpoint.transactionId.toString(), checkpoint.position.toString(), pageSize]);
          const events: RecordedEvent[] = result.rows.map((row) => ({
            eventId: row.event_id,
            type: row.type,
            data: fastDecode(row.data),
            metadata: fastDecode<EventMetadata>(row.metadata),
            streamId: row.stream_id,
            streamVersion: row.stream_version,
            checkpoint: { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) },
            recordedAt: row.recorded_at,
          }));
          const last = events[events.length - 1];
          if (last) checkpoint = last.checkpoint;
          return events.length;
        },
      };
    },
    close: () => pool.end(),
  };
}
