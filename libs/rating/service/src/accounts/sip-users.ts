// The SIP users of customer accounts beyond what accounts.CustomerOpened says (accounts.SipUserChanged):
// who owns each further user, its status and its own concurrent-call limit. A call names its
// owner by any of the account's users; the account's first user has a row only once it changed
// (no row = active, only the account's limit).
import type { SipUserChangedV1 } from '@billing/contracts';
import type pg from 'pg';

export interface SipUserEntry {
  readonly sipUsername: string;
  readonly customerId: string;
  readonly status: 'active' | 'suspended';
  /** null = only the account's maxConcurrentCalls. */
  readonly maxConcurrentCalls: number | null;
}

/** @param s the quoted schema. Migrations, appended to rating's read-model statements. */
export function sipUserStatements(s: string, lockNamespace: number): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.sip_users (
       sip_username text PRIMARY KEY,
       customer_id text NOT NULL,
       status text NOT NULL,
       max_concurrent_calls integer,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS sip_users_by_customer ON ${s}.sip_users (customer_id)`,
    // which user holds a slot, for a user's own limit (null: the call named only the account)
    `ALTER TABLE ${s}.call_slots ADD COLUMN IF NOT EXISTS sip_username text`,
    // reserve_call_slot plus a user's own limit, under the same per-customer lock: the account's
    // limit counts every open call, the user's only that user's.
    `CREATE OR REPLACE FUNCTION ${s}.reserve_user_call_slot(p_customer_id text, p_call_id text, p_max integer, p_sip_username text, p_user_max integer,
         p_now timestamptz, p_expires_at timestamptz)
       RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
     BEGIN
       PERFORM pg_advisory_xact_lock(${lockNamespace}, hashtext(p_customer_id));
       IF EXISTS (SELECT 1 FROM ${s}.call_slots WHERE call_id = p_call_id) THEN
         RETURN true;
       END IF;
       DELETE FROM ${s}.call_slots WHERE customer_id = p_customer_id AND expires_at <= p_now;
       IF (SELECT count(*) FROM ${s}.call_slots WHERE customer_id = p_customer_id) >= p_max THEN
         RETURN false;
       END IF;
       IF p_user_max IS NOT NULL AND (SELECT count(*) FROM ${s}.call_slots WHERE customer_id = p_customer_id AND sip_username = p_sip_username) >= p_user_max THEN
         RETURN false;
       END IF;
       INSERT INTO ${s}.call_slots (call_id, customer_id, expires_at, sip_username) VALUES (p_call_id, p_customer_id, p_expires_at, p_sip_username);
       RETURN true;
     END $$`,
  ];
}

/**
 * The consumer's effect of one accounts.SipUserChanged (in its inbox transaction). The latest
 * change of a username wins whatever order changes arrive in: the catch-up applies a user's
 * newest event ahead of the consumer, whose older ones must not undo it. A removal stays as a
 * tombstone (`removed`) for the same reason.
 */
export async function applySipUserChanged(client: pg.ClientBase, table: string, d: SipUserChangedV1): Promise<void> {
  await client.query(
    `INSERT INTO ${table} AS u (sip_username, customer_id, status, max_concurrent_calls, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (sip_username) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status,
       max_concurrent_calls = EXCLUDED.max_concurrent_calls, updated_at = EXCLUDED.updated_at
     WHERE u.updated_at <= EXCLUDED.updated_at`,
    [d.sipUsername, d.customerId, d.status, d.maxConcurrentCalls, d.occurredAt],
  );
}

interface SipUserSql {
  sip_username: string;
  customer_id: string;
  status: 'active' | 'suspended';
  max_concurrent_calls: number | null;
}

/** The rows of these usernames (one query). */
export async function sipUsersNamed(pool: pg.Pool, table: string, sipUsernames: readonly string[]): Promise<SipUserEntry[]> {
  if (sipUsernames.length === 0) return [];
  const { rows } = await pool.query<SipUserSql>(
    `SELECT sip_username, customer_id, status, max_concurrent_calls FROM ${table} WHERE sip_username = ANY($1::text[]) AND status <> 'removed'`,
    [sipUsernames],
  );
  return rows.map((r) => ({ sipUsername: r.sip_username, customerId: r.customer_id, status: r.status, maxConcurrentCalls: r.max_concurrent_calls }));
}
