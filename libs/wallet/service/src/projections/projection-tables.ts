// The read models, one copy per projection version (`balances_v3`, …) so a rebuild fills a new
// copy beside the live one. Readers never name a version: they query the views (`balances`, …),
// which the switch re-points in one transaction (projection-manager.ts).
import type { WalletDatabase } from '../infrastructure/wallet-database.js';

export const READ_MODELS = ['balances', 'ledger_lines', 'open_holds', 'agent_totals', 'agent_daily'] as const;
export type ReadModel = (typeof READ_MODELS)[number];

/** The money columns of agent_totals and agent_daily (per-agent sums, micro-units). */
export const AGENT_SUMS = [
  'deposits_micros',
  'transfers_out_micros',
  'customer_deposits_micros',
  'commission_accrued_micros',
  'commission_reversed_micros',
  'commission_transferred_micros',
  'call_charges_micros',
] as const;
export type AgentSum = (typeof AGENT_SUMS)[number];

export class ProjectionTables {
  constructor(
    private readonly db: WalletDatabase,
    readonly version: number,
  ) {
    if (!Number.isSafeInteger(version) || version < 1) throw new Error(`invalid projection version ${version}`);
  }

  table(model: ReadModel): string {
    return this.db.table(`${model}_v${this.version}`);
  }

  get checkpointName(): string {
    return `projection:v${this.version}`;
  }

  createStatements(): string[] {
    const sums = AGENT_SUMS.map((column) => `${column} bigint NOT NULL DEFAULT 0`).join(',\n');
    return [
      // one row per account ever opened or posted to, system accounts included (the audit compares them all)
      `CREATE TABLE IF NOT EXISTS ${this.table('balances')} (
         account_id text PRIMARY KEY,
         kind text NOT NULL,
         holder_id text,
         agent_id text,
         billing_type text,
         credit_limit_micros bigint NOT NULL DEFAULT 0,
         low_balance_threshold_micros bigint NOT NULL DEFAULT 0,
         status text NOT NULL,
         balance_micros bigint NOT NULL DEFAULT 0,
         held_micros bigint NOT NULL DEFAULT 0,
         opened_at timestamptz,
         updated_at timestamptz NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS balances_v${this.version}_by_agent ON ${this.table('balances')} (agent_id, kind)`,
      // every balance change of a ledger account; position = the event's global position, which
      // grows with the stream version, so it orders an account's lines and is the page cursor
      `CREATE TABLE IF NOT EXISTS ${this.table('ledger_lines')} (
         account_id text NOT NULL,
         position bigint NOT NULL,
         event_id uuid NOT NULL,
         event_type text NOT NULL,
         change_micros bigint NOT NULL,
         balance_after_micros bigint NOT NULL,
         agent_id text,
         customer_id text,
         ref_kind text NOT NULL,
         ref_id text NOT NULL,
         reference text,
         base_amount_micros bigint,
         commission_micro_percent bigint,
         actor text NOT NULL,
         occurred_at timestamptz NOT NULL,
         PRIMARY KEY (account_id, position)
       )`,
      `CREATE TABLE IF NOT EXISTS ${this.table('open_holds')} (
         customer_id text NOT NULL,
         call_id text NOT NULL,
         granted_micros bigint NOT NULL,
         expires_at timestamptz NOT NULL,
         PRIMARY KEY (customer_id, call_id)
       )`,
      `CREATE INDEX IF NOT EXISTS open_holds_v${this.version}_by_expiry ON ${this.table('open_holds')} (expires_at)`,
      `CREATE TABLE IF NOT EXISTS ${this.table('agent_totals')} (agent_id text PRIMARY KEY, ${sums}, updated_at timestamptz NOT NULL)`,
      // per agent and UTC day ("today's deposits" of the overview)
      `CREATE TABLE IF NOT EXISTS ${this.table('agent_daily')} (agent_id text NOT NULL, day date NOT NULL, ${sums}, updated_at timestamptz NOT NULL,
         PRIMARY KEY (agent_id, day))`,
    ];
  }

  /** Points the views at this version's tables (run inside the switch transaction). */
  viewStatements(): string[] {
    return READ_MODELS.flatMap((model) => [
      `DROP VIEW IF EXISTS ${this.db.table(model)}`,
      `CREATE VIEW ${this.db.table(model)} AS SELECT * FROM ${this.table(model)}`,
    ]);
  }

  dropStatements(): string[] {
    return READ_MODELS.map((model) => `DROP TABLE IF EXISTS ${this.table(model)}`);
  }
}
