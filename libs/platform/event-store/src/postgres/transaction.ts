// One transaction on a pooled connection: BEGIN, the work, COMMIT; ROLLBACK on any error. A
// connection whose ROLLBACK failed is destroyed, never handed back to the pool half-open.
import type pg from 'pg';

/** Bound on whole-append re-runs for transient conflicts (deadlock, concurrent duplicate id). */
export const MAX_APPEND_ATTEMPTS = 3;

export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** `work` (one autocommit statement, say), re-run (bounded) while `retryable(error)` says the failure was transient. */
export async function withRetries<T>(work: () => Promise<T>, retryable: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_APPEND_ATTEMPTS || !retryable(error)) throw error;
    }
  }
}
