// The wallet's PostgreSQL schema: the event store (the ledger, the outbox, the inbox) plus the
// wallet's own tables beside it — the directory fed by accounts' integration events, refused
// integration commands, and the projection version registry. One schema per service (docs/ARCHITECTURE.md, Event store).
import { PostgresEventStore } from '@billing/event-store';
import type pg from 'pg';

/** Advisory-lock namespace of this migration ("WALM"): concurrent instances start safely. */
const MIGRATION_LOCK = 0x57_41_4c_4d;

export class WalletDatabase {
  private constructor(
    readonly store: PostgresEventStore,
    readonly pool: pg.Pool,
    /** the schema name, validated by the event store ([a-z_][a-z0-9_]*). */
    readonly schema: string,
  ) {}

  static async open(pool: pg.Pool, schema: string): Promise<WalletDatabase> {
    const store = await PostgresEventStore.open({ pool, schema });
    const database = new WalletDatabase(store, pool, store.schema);
    await database.migrate();
    return database;
  }

  /** An existing wallet schema, without migrating anything (the audit reads only). */
  static async attach(pool: pg.Pool, schema: string): Promise<WalletDatabase> {
    const store = await PostgresEventStore.open({ pool, schema, migrate: false, notify: false });
    return new WalletDatabase(store, pool, store.schema);
  }

  /** `"wallet".name`: every table of this service is addressed through here. */
  table(name: string): string {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid table name "${name}"`);
    return `"${this.schema}".${name}`;
  }

  private async migrate(): Promise<void> {
    await this.store.withTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK, this.schema]);
      for (const statement of this.statements()) await client.query(statement);
    });
  }

  private statements(): string[] {
    return [
      // The commission rate of each agent, with the time it applies from (AgentRegistered,
      // AgentCommissionChanged): a deposit uses the rate in force at its own time.
      `CREATE TABLE IF NOT EXISTS ${this.table('agent_commission_rates')} (
         agent_id text NOT NULL,
         effective_at timestamptz NOT NULL,
         commission_micro_percent bigint NOT NULL CHECK (commission_micro_percent BETWEEN 0 AND 100000000),
         source_event_id text NOT NULL,
         PRIMARY KEY (agent_id, effective_at, source_event_id)
       )`,
      // customer → agent (null = ITC-direct), for "an agent sees only its customers" (docs/API.md).
      `CREATE TABLE IF NOT EXISTS ${this.table('customer_owners')} (
         customer_id text PRIMARY KEY,
         agent_id text,
         status text NOT NULL,
         opened_at timestamptz NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS customer_owners_by_agent ON ${this.table('customer_owners')} (agent_id)`,
      // Commands from integration events that the ledger refused (e.g. an initial balance the
      // agent could not cover): the message is consumed, the refusal stays visible to ITC.
      `CREATE TABLE IF NOT EXISTS ${this.table('refused_commands')} (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         source text NOT NULL,
         command_type text NOT NULL,
         account_ids text[] NOT NULL,
         code text NOT NULL,
         reason text NOT NULL,
         refused_at timestamptz NOT NULL DEFAULT now()
       )`,
      // Projection versions (zero-downtime rebuild): at most one active; a building one catches
      // up beside it and replaces it when it reaches the head (projections/projection-manager.ts).
      `CREATE TABLE IF NOT EXISTS ${this.table('projection_versions')} (
         version integer PRIMARY KEY CHECK (version >= 1),
         state text NOT NULL CHECK (state IN ('building', 'active', 'retired')),
         created_at timestamptz NOT NULL DEFAULT now(),
         activated_at timestamptz,
         retired_at timestamptz,
         dropped_at timestamptz
       )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS projection_versions_one_active ON ${this.table('projection_versions')} ((state)) WHERE state = 'active'`,
    ];
  }
}
