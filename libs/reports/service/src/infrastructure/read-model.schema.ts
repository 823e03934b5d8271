// The read models, next to the event store (inbox, checkpoints) in the same schema, so a fact and
// its inbox entry commit together. All of it is a projection of the consumed topics: drop the
// schema and consume again from the start to rebuild it.
//
// - agents, customers: who is who (names, customers per agent), from accounts.events.v1.
// - ledger_facts: one row per deposit, reversal, transfer, commission accrual/reversal/move and
//   low-balance crossing, at the event's time; range sums are exact `sum(bigint)` (numeric).
// - balances: the latest balance of each account (agent main, agent commission, customer).
// - calls: one row per call id, its latest outcome (an unrated call re-rated becomes rated), with
//   what it cost the customer's agent when rating recorded that (the agent's margin).
import type pg from 'pg';

export async function migrateReadModels(pool: pg.Pool, schema: string): Promise<void> {
  const s = `"${schema}"`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two instances starting at once must not race on CREATE … IF NOT EXISTS.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.reports.read-models`]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${s}.agents (
        agent_id text PRIMARY KEY,
        name text NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${s}.customers (
        customer_id text PRIMARY KEY,
        agent_id text,
        account_number text NOT NULL,
        opened_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS customers_by_agent ON ${s}.customers (agent_id);
      CREATE TABLE IF NOT EXISTS ${s}.ledger_facts (
        event_id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('deposit', 'deposit-reversal', 'transfer', 'commission-accrued', 'commission-reversed', 'commission-moved', 'low-balance-crossing')),
        occurred_at timestamptz NOT NULL,
        agent_id text,
        customer_id text,
        account_kind text NOT NULL CHECK (account_kind IN ('agent-main', 'agent-commission', 'customer')),
        amount_micros bigint NOT NULL,
        detail text
      );
      CREATE INDEX IF NOT EXISTS ledger_facts_by_time ON ${s}.ledger_facts (occurred_at) INCLUDE (kind, agent_id, account_kind, amount_micros, detail);
      CREATE INDEX IF NOT EXISTS ledger_facts_by_agent ON ${s}.ledger_facts (agent_id, occurred_at) INCLUDE (kind, account_kind, amount_micros, detail);
      CREATE TABLE IF NOT EXISTS ${s}.balances (
        account_kind text NOT NULL CHECK (account_kind IN ('agent-main', 'agent-commission', 'customer')),
        holder_id text NOT NULL,
        agent_id text,
        balance_micros bigint NOT NULL,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (account_kind, holder_id)
      );
      CREATE INDEX IF NOT EXISTS balances_by_agent ON ${s}.balances (agent_id);
      CREATE TABLE IF NOT EXISTS ${s}.calls (
        call_id text PRIMARY KEY,
        agent_id text,
        customer_id text,
        started_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('rated', 'unrated', 'unanswered')),
        billsec_seconds integer NOT NULL CHECK (billsec_seconds >= 0),
        billed_seconds integer NOT NULL CHECK (billed_seconds >= 0),
        cost_micros bigint NOT NULL CHECK (cost_micros >= 0),
        destination_name text,
        prefix text,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS calls_by_time ON ${s}.calls (started_at) INCLUDE (agent_id, status, billsec_seconds, billed_seconds, cost_micros, destination_name);
      CREATE INDEX IF NOT EXISTS calls_by_agent ON ${s}.calls (agent_id, started_at) INCLUDE (status, billsec_seconds, billed_seconds, cost_micros, destination_name);
      -- what a rated call cost the customer's agent (its assigned sheet); NULL = not known, never 0
      ALTER TABLE ${s}.calls ADD COLUMN IF NOT EXISTS agent_cost_micros bigint CHECK (agent_cost_micros >= 0);
      CREATE INDEX IF NOT EXISTS calls_by_customer ON ${s}.calls (customer_id, started_at);
      -- the SIP user the CDR named (the summary's sipUsername filter and grouping); NULL = none or not published
      ALTER TABLE ${s}.calls ADD COLUMN IF NOT EXISTS sip_username text;
      -- each live item's place in the projection's commit order (live-position.ts); GET /reports/series says up to where it counts
      CREATE SEQUENCE IF NOT EXISTS ${s}.live_position;
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
