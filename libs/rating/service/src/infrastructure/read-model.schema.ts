// The rating read models, beside the event store in the same schema:
//   customers, agents   — the accounts directory (a projection of accounts.events.v1, consumer inbox)
//   rate_sheets         — each sheet's decider state and stream version (written with its events)
//   rate_imports/rows   — the rows of every imported version (events carry only count + hash)
//   calls               — each call's decider state and history columns (written with its events)
//   call_slots          — open authorizations, for maxConcurrentCalls (operational, expiring)
import type pg from 'pg';
import { sipUserStatements } from '../accounts/sip-users.js';
import { trunkAddressStatements } from '../accounts/trunk-addresses.js';

/** Advisory-lock namespace of the migration ("RATM"). */
const MIGRATION_LOCK = 0x52_41_54_4d;

function statements(s: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.customers (
       customer_id text PRIMARY KEY,
       account_number text NOT NULL,
       sip_username text NOT NULL,
       agent_id text,
       billing_type text NOT NULL,
       status text NOT NULL,
       status_history jsonb NOT NULL,
       sheet_history jsonb NOT NULL,
       max_concurrent_calls integer NOT NULL,
       max_call_duration_seconds integer NOT NULL,
       caller_ids jsonb NOT NULL DEFAULT '[]',
       default_caller_id text,
       follow_me jsonb,
       opened_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS customers_by_account_number ON ${s}.customers (account_number)`,
    `CREATE INDEX IF NOT EXISTS customers_by_sip_username ON ${s}.customers (sip_username)`,
    // PBX features ITC assigned, every set with the instant it took effect (oldest first); no row =
    // the defaults (customers opened before features existed)
    `CREATE TABLE IF NOT EXISTS ${s}.customer_features (
       customer_id text PRIMARY KEY,
       history jsonb NOT NULL
     )`,
    `CREATE TABLE IF NOT EXISTS ${s}.agents (
       agent_id text PRIMARY KEY,
       rate_sheet_id text NOT NULL,
       status text NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    // when accounts registered the agent: updated_at equal to it = never changed since (its sheet is
    // the one it has always had). null: registered before this was kept, updated_at counts as a change
    `ALTER TABLE ${s}.agents ADD COLUMN IF NOT EXISTS registered_at timestamptz`,
    `CREATE TABLE IF NOT EXISTS ${s}.rate_sheets (
       sheet_id text PRIMARY KEY,
       kind text NOT NULL,
       name text NOT NULL,
       base_sheet_id text,
       stream_version integer NOT NULL,
       state text NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    // the agent that derived the sheet (null: ITC), so an agent's list is one indexed query
    `ALTER TABLE ${s}.rate_sheets ADD COLUMN IF NOT EXISTS owner_agent_id text`,
    `CREATE INDEX IF NOT EXISTS rate_sheets_by_owner ON ${s}.rate_sheets (owner_agent_id) WHERE owner_agent_id IS NOT NULL`,
    `CREATE TABLE IF NOT EXISTS ${s}.rate_imports (
       version_id text PRIMARY KEY,
       sheet_id text NOT NULL,
       status text NOT NULL,
       row_count integer NOT NULL,
       staged_at timestamptz NOT NULL
     )`,
    `CREATE TABLE IF NOT EXISTS ${s}.rate_rows (
       version_id text NOT NULL,
       position integer NOT NULL,
       prefix text NOT NULL,
       destination text NOT NULL,
       connect_fee_micros bigint NOT NULL,
       minimum_seconds integer NOT NULL,
       intervals text NOT NULL,
       PRIMARY KEY (version_id, position)
     )`,
    `CREATE TABLE IF NOT EXISTS ${s}.calls (
       call_id text PRIMARY KEY,
       stream_version integer NOT NULL,
       state text NOT NULL,
       status text NOT NULL,
       customer_id text,
       agent_id text,
       account text,
       sip_username text,
       caller_id text,
       destination text,
       destination_digits text,
       destination_name text,
       prefix text,
       sheet_id text,
       version_id text,
       started_at timestamptz,
       answered_at timestamptz,
       ended_at timestamptz,
       billsec integer,
       billed_seconds integer,
       cost_micros bigint,
       disposition text,
       reason text,
       hold_id text,
       granted_micros bigint,
       max_duration_seconds integer,
       authorized_at timestamptz,
       recorded_at timestamptz,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS calls_by_customer ON ${s}.calls (customer_id, started_at DESC, call_id DESC) WHERE status <> 'authorized'`,
    `CREATE INDEX IF NOT EXISTS calls_by_agent ON ${s}.calls (agent_id, started_at DESC, call_id DESC) WHERE status <> 'authorized'`,
    `CREATE INDEX IF NOT EXISTS calls_unrated ON ${s}.calls (started_at DESC, call_id DESC) WHERE status = 'unrated'`,
    `CREATE TABLE IF NOT EXISTS ${s}.call_slots (
       call_id text PRIMARY KEY,
       customer_id text NOT NULL,
       expires_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS call_slots_by_customer ON ${s}.call_slots (customer_id, expires_at)`,
    // One round trip, serialised per customer: the advisory lock makes the count and the insert of
    // concurrent authorizations of one customer happen one after the other (each statement in a
    // VOLATILE plpgsql function sees what committed before it). A repeat of the same call keeps
    // its slot. Expired slots of the customer are removed on the way.
    `CREATE OR REPLACE FUNCTION ${s}.reserve_call_slot(p_customer_id text, p_call_id text, p_max integer, p_now timestamptz, p_expires_at timestamptz)
       RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
     DECLARE open_calls integer;
     BEGIN
       PERFORM pg_advisory_xact_lock(${MIGRATION_LOCK + 1}, hashtext(p_customer_id));
       IF EXISTS (SELECT 1 FROM ${s}.call_slots WHERE call_id = p_call_id) THEN
         RETURN true;
       END IF;
       DELETE FROM ${s}.call_slots WHERE customer_id = p_customer_id AND expires_at <= p_now;
       SELECT count(*) INTO open_calls FROM ${s}.call_slots WHERE customer_id = p_customer_id;
       IF open_calls >= p_max THEN
         RETURN false;
       END IF;
       INSERT INTO ${s}.call_slots (call_id, customer_id, expires_at) VALUES (p_call_id, p_customer_id, p_expires_at);
       RETURN true;
     END $$`,
    ...sipUserStatements(s, MIGRATION_LOCK + 1),
    ...trunkAddressStatements(s),
    // the trunk address that made a call (issue 13 §4): where it came from, the tech prefix stripped
    `ALTER TABLE ${s}.calls ADD COLUMN IF NOT EXISTS source_ip text`,
    `ALTER TABLE ${s}.calls ADD COLUMN IF NOT EXISTS tech_prefix text`,
  ];
}

/** Creates the read-model tables (idempotent; serialised across processes by an advisory lock). */
export async function migrateReadModels(pool: pg.Pool, quotedSchema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, quotedSchema]);
    for (const statement of statements(quotedSchema)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
