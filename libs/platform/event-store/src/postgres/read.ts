// Reading: one stream by version, and the global log in gap-safe order.
//
// Gap safety: identity values are taken at INSERT, but transactions commit in another order. A
// reader that remembers "the highest global_position seen" skips an event whose transaction took
// a lower position and committed later. So the log is ordered by (transaction_id, position) and
// a read returns only transactions below pg_snapshot_xmin(pg_current_snapshot()): every
// transaction below the oldest one still running has ended, and any transaction still to write
// gets an xid above it. Nothing can later appear before the returned checkpoint.
// Cost: readAll lags behind the oldest open *writing* transaction of the whole cluster.
import type pg from 'pg';
import type { Checkpoint, ReadAllResult, RecordedEvent } from '../port.js';
import { StreamTooLongError, assertReadAllLimit, assertStreamId, readStreamBounds } from '../validation.js';
import { EVENT_COLUMNS, checkpointParams, toRecordedEvent, type EventRow } from './rows.js';
import type { SchemaNames } from './schema-names.js';

type Queryable = pg.Pool | pg.ClientBase;

export async function readStream(db: Queryable, n: SchemaNames, streamId: string, fromVersion?: number, maxCount?: number): Promise<RecordedEvent[]> {
  assertStreamId(streamId);
  const bounds = readStreamBounds(fromVersion, maxCount);
  // Without an explicit maxCount, ask for one more than the bound to tell "complete" from "cut".
  const limit = bounds.explicit ? bounds.maxCount : bounds.maxCount + 1;
  const result = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${n.events} e
      WHERE e.stream_id = $1 AND e.stream_version >= $2
      ORDER BY e.stream_version LIMIT $3`,
    [streamId, bounds.fromVersion, limit],
  );
  if (result.rows.length > bounds.maxCount) throw new StreamTooLongError(streamId, bounds.fromVersion);
  return result.rows.map(toRecordedEvent);
}

export async function readAll(db: Queryable, n: SchemaNames, from: Checkpoint, limit: number): Promise<ReadAllResult> {
  assertReadAllLimit(limit);
  const [transactionId, position] = checkpointParams(from);
  const result = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${n.events} e
      WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
        AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [transactionId, position, limit],
  );
  const events = result.rows.map(toRecordedEvent);
  const last = events[events.length - 1];
  return { events, checkpoint: last ? last.checkpoint : from };
}

/** How long headCheckpoint waits for older open transactions before settling for the horizon. */
const HEAD_SETTLE_TIMEOUT_MS = 2_000;
const HEAD_SETTLE_POLL_MS = 5;

/**
 * The checkpoint of the last event readAll can return now: subscribe from here to get only new
 * events. It waits (bounded) until every event committed before the call is below the gap-safe
 * horizon, so "caught up to the head" also covers an append that committed just before while an
 * older transaction was still open (appends are one statement now: such overlaps got common).
 */
export async function headCheckpoint(db: Queryable, n: SchemaNames): Promise<Checkpoint> {
  const newest = await db.query<{ transaction_id: string }>(
    `SELECT e.transaction_id::text AS transaction_id FROM ${n.events} e ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  const newestTransaction = newest.rows[0]?.transaction_id;
  const deadline = performance.now() + HEAD_SETTLE_TIMEOUT_MS;
  for (;;) {
    const result = await db.query<{ transaction_id: string; global_position: string; settled: boolean }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position,
              ($1::xid8 IS NULL OR $1::xid8 < pg_snapshot_xmin(pg_current_snapshot())) AS settled
         FROM (SELECT 1) one LEFT JOIN LATERAL (
           SELECT transaction_id, global_position FROM ${n.events}
            WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY transaction_id DESC, global_position DESC LIMIT 1) e ON true`,
      [newestTransaction ?? null],
    );
    const row = result.rows[0];
    if (row?.settled === true || performance.now() >= deadline) {
      return row?.transaction_id ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) } : { transactionId: 0n, position: 0n };
    }
    await new Promise((resolve) => setTimeout(resolve, HEAD_SETTLE_POLL_MS));
  }
}
