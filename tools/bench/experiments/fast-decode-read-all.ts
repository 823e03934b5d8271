// EXPERIMENT, not the adapter: readAll with the same SQL as
// libs/platform/event-store/src/postgres/read.ts and the same row mapping as rows.ts, but
// decoding JSON with a fast path — plain JSON.parse (no reviver) when the text holds no
// "$bigint" tag, decodeJson (reviver) otherwise. Same results for every stored value; used by
// the bench to size the codec fix it recommends.
import { decodeJson, type Checkpoint, type EventMetadata, type RecordedEvent } from '@billing/event-store';
import { createPool } from '@billing/postgres';
import type { ReplayCursor } from '../stores/bench-store.js';

const TAG = '"$bigint"';

function fastDecode<T>(text: string): T {
  return (text.includes(TAG) ? decodeJson<T>(text) : JSON.parse(text)) as T;
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
