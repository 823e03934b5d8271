// The accounts read models (tables beside the event store, in the same schema). They are written
// in the same transaction as the events they come from (see projector.ts), and can be rebuilt from
// the events at any time (rebuild.ts). The unique constraints here ARE the cross-aggregate
// uniqueness rules: a second holder of a username or SIP user makes the whole append roll back.
import { DEFAULT_FEATURES } from '@billing/accounts-domain';
import type pg from 'pg';

/** Constraint names the committer maps to 409 answers (keep them stable). */
export const UNIQUE = {
  username: 'usernames_pkey',
  sipUsername: 'sip_directory_pkey',
  accountNumber: 'customers_account_number_key',
} as const;

/** Read-model tables, in the order a rebuild empties them. */
export const READ_MODEL_TABLES = ['trunk_addresses', 'sip_directory', 'usernames', 'customers', 'batches', 'customer_profiles', 'agents'] as const;

/** Advisory-lock namespace shared by the migration ("ACCM") and by commits vs. rebuilds ("ACCW"). */
const MIGRATION_LOCK = 0x41_43_43_4d;
export const WRITE_LOCK = 0x41_43_43_57;

function statements(s: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    // Account numbers: nextAccountNumber(seq) needs 0..899 999 999. Never reused, gaps allowed
    // (a sequence value taken by a rolled-back opening is simply skipped).
    `CREATE SEQUENCE IF NOT EXISTS ${s}.account_number_seq AS bigint MINVALUE 0 MAXVALUE 899999999 START 0 NO CYCLE`,
    `CREATE TABLE IF NOT EXISTS ${s}.agents (
       agent_id text PRIMARY KEY,
       name text NOT NULL,
       contact_email text NOT NULL,
       commission_micro_percent bigint NOT NULL,
       rate_sheet_id text NOT NULL,
       low_balance_threshold_micros bigint NOT NULL,
       username text NOT NULL,
       status text NOT NULL,
       registered_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS agents_by_registration ON ${s}.agents (registered_at, agent_id)`,
    // ITC's limits on what an agent gives its customers (added later: existing rows get the old rule)
    `ALTER TABLE ${s}.agents ADD COLUMN IF NOT EXISTS max_customer_credit_limit_micros bigint NOT NULL DEFAULT 0`,
    `ALTER TABLE ${s}.agents ADD COLUMN IF NOT EXISTS customers_may_add_caller_ids boolean NOT NULL DEFAULT true`,
    // the total (added later): rows from before get the registration's default, one customer at the
    // maximum (the codec's rule uses the registered maximum; a rebuild gives exactly that)
    `ALTER TABLE ${s}.agents ADD COLUMN IF NOT EXISTS max_total_customer_credit_micros bigint`,
    `UPDATE ${s}.agents SET max_total_customer_credit_micros = max_customer_credit_limit_micros WHERE max_total_customer_credit_micros IS NULL`,
    `ALTER TABLE ${s}.agents ALTER COLUMN max_total_customer_credit_micros SET NOT NULL`,
    `CREATE TABLE IF NOT EXISTS ${s}.customer_profiles (
       profile_id text PRIMARY KEY,
       owner_agent_id text,
       name text NOT NULL,
       status text NOT NULL,
       billing_type text NOT NULL,
       credit_limit_micros bigint,
       rate_sheet_id text,
       initial_balance_micros bigint NOT NULL,
       low_balance_threshold_micros bigint NOT NULL,
       max_concurrent_calls integer NOT NULL,
       max_call_duration_seconds integer NOT NULL,
       language text NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS customer_profiles_by_owner ON ${s}.customer_profiles (owner_agent_id, created_at, profile_id)`,
    `CREATE TABLE IF NOT EXISTS ${s}.batches (
       batch_id text PRIMARY KEY,
       profile_id text NOT NULL,
       agent_id text,
       customer_count integer NOT NULL,
       opened_by text NOT NULL,
       opened_at timestamptz NOT NULL
     )`,
    `CREATE TABLE IF NOT EXISTS ${s}.customers (
       customer_id text PRIMARY KEY,
       account_number text NOT NULL CONSTRAINT ${UNIQUE.accountNumber} UNIQUE,
       agent_id text,
       profile_id text,
       batch_id text,
       status text NOT NULL,
       billing_type text NOT NULL,
       credit_limit_micros bigint,
       rate_sheet_id text NOT NULL,
       initial_balance_micros bigint NOT NULL,
       initial_balance_source text NOT NULL,
       low_balance_threshold_micros bigint NOT NULL,
       max_concurrent_calls integer NOT NULL,
       max_call_duration_seconds integer NOT NULL,
       language text NOT NULL,
       contact_email text,
       low_balance_email_enabled boolean NOT NULL,
       sip_username text NOT NULL,
       portal_username text NOT NULL,
       caller_ids jsonb NOT NULL,
       default_caller_id text,
       follow_me jsonb NOT NULL,
       opened_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    // lists are ordered by account number (a sequence: creation order, and stable within a batch)
    `CREATE INDEX IF NOT EXISTS customers_by_agent ON ${s}.customers (agent_id, account_number)`,
    `CREATE INDEX IF NOT EXISTS customers_by_batch ON ${s}.customers (batch_id, account_number)`,
    // numbers the customer added that wait for approval (never in caller_ids, never sent to the switch)
    `ALTER TABLE ${s}.customers ADD COLUMN IF NOT EXISTS pending_caller_ids jsonb NOT NULL DEFAULT '[]'::jsonb`,
    // PBX features ITC assigns (added later): rows from before read as the defaults, like their events
    `ALTER TABLE ${s}.customers ADD COLUMN IF NOT EXISTS features jsonb NOT NULL DEFAULT '${JSON.stringify(DEFAULT_FEATURES)}'::jsonb`,
    `ALTER TABLE ${s}.customer_profiles ADD COLUMN IF NOT EXISTS features jsonb NOT NULL DEFAULT '${JSON.stringify(DEFAULT_FEATURES)}'::jsonb`,
    // Credentials the softswitch authenticates with, apart from the customer rows that lists read,
    // so that no query of a listing can ever select an HA1 by accident.
    `CREATE TABLE IF NOT EXISTS ${s}.sip_directory (
       sip_username text CONSTRAINT ${UNIQUE.sipUsername} PRIMARY KEY,
       customer_id text NOT NULL UNIQUE,
       sip_ha1 text NOT NULL
     )`,
    // Many SIP users per account (added later): one row per user, the account's first user marked
    // `first_user`; existing rows are first users with the account's settings.
    `ALTER TABLE ${s}.sip_directory DROP CONSTRAINT IF EXISTS sip_directory_customer_id_key`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS first_user boolean NOT NULL DEFAULT true`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS display_name text`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS caller_id text`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS max_concurrent_calls integer`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'active'`,
    `ALTER TABLE ${s}.sip_directory ADD COLUMN IF NOT EXISTS added_at timestamptz`,
    `CREATE INDEX IF NOT EXISTS sip_directory_by_customer ON ${s}.sip_directory (customer_id, first_user DESC, added_at, sip_username)`,
    // IPBX trunks by source IP: one row per (customer, network, tech prefix; '' = none). `network`
    // is the domain's canonical text, `range` the same as cidr for the overlap query (&&).
    `CREATE TABLE IF NOT EXISTS ${s}.trunk_addresses (
       customer_id text NOT NULL,
       network text NOT NULL,
       tech_prefix text NOT NULL,
       range cidr NOT NULL,
       added_at timestamptz NOT NULL,
       PRIMARY KEY (customer_id, network, tech_prefix)
     )`,
    `CREATE INDEX IF NOT EXISTS trunk_addresses_by_range ON ${s}.trunk_addresses USING gist (range inet_ops)`,
    // Every portal login of an agent or a customer, for uniqueness across both (normalised names).
    // Names of closed customers stay reserved: a login name is never handed to someone else.
    `CREATE TABLE IF NOT EXISTS ${s}.usernames (
       username text CONSTRAINT ${UNIQUE.username} PRIMARY KEY,
       role text NOT NULL,
       subject_id text NOT NULL
     )`,
  ];
}

/** Creates the tables if missing; concurrent starts are serialised by an advisory lock. */
export async function migrateReadModels(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, schema]);
    for (const statement of statements(`"${schema}"`)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
