// Read models next to the event store, in the same schema, so an event and its rows commit
// together. `notifications` is rebuildable from the events except for the claim columns, which
// are the delivery worker's leases (operational, not history). `recipients` is the projection of
// accounts.events.v1.
import type pg from 'pg';

export async function migrateReadModels(pool: pg.Pool, schema: string): Promise<void> {
  const s = `"${schema}"`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two instances starting at once must not race on CREATE … IF NOT EXISTS.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.notifications.read-models`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${s}.notifications (
        notification_id uuid PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        kind text NOT NULL,
        holder_kind text NOT NULL,
        holder_id text NOT NULL,
        email text,
        language text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        skip_reason text,
        message_id text,
        source_event_id text NOT NULL,
        source_event_type text NOT NULL,
        requested_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        claimed_by text,
        claimed_until timestamptz,
        attempt_started_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS notifications_due ON ${s}.notifications (next_attempt_at, notification_id) WHERE status = 'pending';
      CREATE INDEX IF NOT EXISTS notifications_newest ON ${s}.notifications (requested_at DESC, notification_id DESC);
      CREATE INDEX IF NOT EXISTS notifications_by_status ON ${s}.notifications (status, requested_at DESC, notification_id DESC);
      CREATE INDEX IF NOT EXISTS notifications_by_email ON ${s}.notifications (lower(email), requested_at DESC, notification_id DESC);
      CREATE TABLE IF NOT EXISTS ${s}.recipients (
        holder_kind text NOT NULL CHECK (holder_kind IN ('customer', 'agent')),
        holder_id text NOT NULL,
        email text,
        language text NOT NULL,
        low_balance_email_enabled boolean NOT NULL,
        name text,
        account_number text,
        agent_id text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (holder_kind, holder_id)
      );
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
