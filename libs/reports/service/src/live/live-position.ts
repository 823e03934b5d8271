// Where a live item stands in the reports projection's own commit order, so a client that loads
// GET /reports/series and follows GET /reports/live counts every event exactly once. The event's
// time (occurredAt, decided by the source service) cannot say it: an event decided before the
// series was read but projected after it (bus lag) would be in neither, and clocks differ.
// Each projection transaction with a live item takes a position (a sequence) under a shared
// advisory lock held until it commits; the series takes that lock exclusively for the moment its
// snapshot is taken — every transaction that has a position by then has committed (it is in the
// snapshot), every later one gets a greater position — and answers the greatest position taken.
// The client adds the items after it. Projections wait at most for that one statement.
import type pg from 'pg';
import type { ReportsDatabase } from '../infrastructure/reports-database.js';

const lockKey = (db: ReportsDatabase) => `${db.schema}.live_position`;

/** In the projection's transaction: the item's position (held in commit order by the shared lock until it commits). */
export async function takeLivePosition(client: pg.ClientBase, db: ReportsDatabase): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [lockKey(db)]);
  const { rows } = await client.query<{ position: string }>(`SELECT nextval('${db.schema}.live_position')::text AS position`);
  return Number(rows[0]!.position);
}

/**
 * Begins a REPEATABLE READ READ ONLY transaction on `client` whose snapshot holds every live item
 * up to the position it answers, and none after it.
 */
export async function beginAtLivePosition(client: pg.ClientBase, db: ReportsDatabase): Promise<number> {
  await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockKey(db)]);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // this first statement takes the snapshot, while no projection can take a position or commit one
    const { rows } = await client.query<{ position: string }>(`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS position FROM ${db.schema}.live_position`);
    return Number(rows[0]!.position);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(db)]);
  }
}
