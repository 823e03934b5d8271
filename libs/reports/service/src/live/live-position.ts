// Where a live item stands in the reports projection's own commit order, so a client that loads
// GET /reports/series and follows GET /reports/live counts every event exactly once. The event's
// time (occurredAt, decided by the source service) cannot say it: an event decided before the
// series was read but projected after it (bus lag) would be in neither, and clocks differ.
// Each projection transaction with a live item takes a position (a sequence) under a shared
// advisory lock held until it commits; the series takes that lock exclusively for the moment its
// snapshot is taken — every transaction that has a position by then has committed (it is in the
// snapshot), every later one gets a greater position — and answers the greatest position taken.
// The client adds the items after it.
// A shared lock cannot give that: a transaction with a position could still commit after the
// snapshot. So the series queues for the exclusive lock behind the projections in flight, and the
// ones that come next queue behind it — bounded: a series that has waited SERIES_LOCK_WAIT_MS gives
// up (503 overloaded, Retry-After) and lets them go, so a projection never waits longer than that
// plus the one snapshot statement, whatever holds a position (a slow or stuck transaction). Only
// one series read of an instance waits here at a time (series.queries.ts), so those waits do not
// add up while one projection is slow.
import type pg from 'pg';
import type { ReportsDatabase } from '../infrastructure/reports-database.js';

/** The advisory lock's key (text, hashed to the lock's bigint): pg_locks shows who holds or waits for it. */
export const livePositionLockKey = (db: ReportsDatabase) => `${db.schema}.live_position`;

/** How long a series read queues for its place in the commit order (projections queue behind it meanwhile). */
export const SERIES_LOCK_WAIT_MS = 500;

/** PostgreSQL's lock_not_available: lock_timeout expired. */
const LOCK_NOT_AVAILABLE = '55P03';

/** The series could not take its place within the bound; the gateway's problem mapping answers 503 + Retry-After. */
export class LivePositionBusyError extends Error {
  readonly overloaded = true;

  constructor(
    message = `The reports' projections held the series' snapshot for over ${SERIES_LOCK_WAIT_MS} ms; try again shortly.`,
    /** false: the connection may keep the series' lock_timeout — destroy it rather than pool it. */
    readonly connectionReusable = true,
  ) {
    super(message);
    this.name = 'LivePositionBusyError';
  }
}

/** In the projection's transaction: the item's position (held in commit order by the shared lock until it commits). */
export async function takeLivePosition(client: pg.ClientBase, db: ReportsDatabase): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [livePositionLockKey(db)]);
  const { rows } = await client.query<{ position: string }>(`SELECT nextval('${db.schema}.live_position')::text AS position`);
  return Number(rows[0]!.position);
}

/**
 * Begins a REPEATABLE READ READ ONLY transaction on `client` whose snapshot holds every live item
 * up to the position it answers, and none after it. Throws LivePositionBusyError after `waitMs`
 * without the lock: `client` holds nothing then, and is reusable unless the error says otherwise.
 * Any other error: the caller must not reuse `client` (it may hold the lock or the lock_timeout).
 */
export async function beginAtLivePosition(client: pg.ClientBase, db: ReportsDatabase, waitMs = SERIES_LOCK_WAIT_MS): Promise<number> {
  // 0 would be no timeout at all: a wait without bound
  if (!(Number.isInteger(waitMs) && waitMs >= 1)) throw new Error(`the series' lock wait must be a positive integer of ms, got ${waitMs}`);
  await client.query(`SELECT set_config('lock_timeout', $1, false)`, [`${waitMs}ms`]);
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [livePositionLockKey(db)]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw error;
    // the lock was never taken: only the timeout to undo, and the connection goes back to the
    // pool — destroying it would make every retry under this very overload open a new one
    const reset = await client.query('RESET lock_timeout').then(
      () => true,
      () => false,
    );
    throw new LivePositionBusyError(undefined, reset);
  }
  let position: number;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // this first statement takes the snapshot, while no projection can take a position or commit one
    const { rows } = await client.query<{ position: string }>(`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS position FROM ${db.schema}.live_position`);
    position = Number(rows[0]!.position);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [livePositionLockKey(db)]);
  }
  // after the unlock, not while holding it; in the transaction, so it holds once that commits
  await client.query('RESET lock_timeout');
  return position;
}
