// Reads of the projections, always through the views (the active projection version). Eventually
// consistent with the ledger by the projection's lag (milliseconds; waitForCatchUp in tests); the
// command answers carry the authoritative balances after each movement.
import { debtBelowFloor } from '@billing/wallet-domain';
import { Injectable } from '@nestjs/common';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { AGENT_SUMS, type AgentSum } from '../projections/projection-tables.js';
import { pageOf, type Page } from './pagination.js';

export interface BalanceView {
  accountId: string;
  kind: string;
  holderId: string | null;
  agentId: string | null;
  billingType: string | null;
  status: string;
  balanceMicros: bigint;
  heldMicros: bigint;
  /** balance − holds (+ credit limit for postpaid): what a hold or transfer may still take. */
  availableMicros: bigint;
  creditLimitMicros: bigint;
  /** how far facts (calls, reversals) took the balance below its floor; > 0 = in debt (domain README, "Debt"). */
  debtMicros: bigint;
  lowBalanceThresholdMicros: bigint;
  updatedAt: Date;
}

export type AgentSums = Record<AgentSum, bigint>;

export interface AgentOverview {
  main: BalanceView;
  commission: BalanceView | undefined;
  /** `inDebt`: customers whose balance is below their floor, owing `debtMicros` together. */
  customers: { total: number; open: number; inDebt: number; debtMicros: bigint };
  totals: AgentSums;
  today: AgentSums & { day: string };
}

export interface LedgerLineView {
  position: bigint;
  eventId: string;
  eventType: string;
  changeMicros: bigint;
  balanceAfterMicros: bigint;
  agentId: string | null;
  customerId: string | null;
  refKind: string;
  refId: string;
  reference: string | null;
  baseAmountMicros: bigint | null;
  commissionMicroPercent: bigint | null;
  actor: string;
  occurredAt: Date;
}

export interface BalanceRow {
  account_id: string;
  kind: string;
  holder_id: string | null;
  agent_id: string | null;
  billing_type: string | null;
  status: string;
  balance_micros: string;
  held_micros: string;
  credit_limit_micros: string;
  low_balance_threshold_micros: string;
  updated_at: Date;
}

export const BALANCE_COLUMNS = `account_id, kind, holder_id, agent_id, billing_type, status, balance_micros::text, held_micros::text,
  credit_limit_micros::text, low_balance_threshold_micros::text, updated_at`;

@Injectable()
export class WalletQueries {
  constructor(private readonly db: WalletDatabase) {}

  async balance(accountId: string): Promise<BalanceView | undefined> {
    const { rows } = await this.db.pool.query<BalanceRow>(`SELECT ${BALANCE_COLUMNS} FROM ${this.db.table('balances')} WHERE account_id = $1`, [accountId]);
    return rows[0] === undefined ? undefined : balanceOfRow(rows[0]);
  }

  /** undefined when the wallet has no main account for the agent (yet). */
  async agentOverview(agentId: string, day: string): Promise<AgentOverview | undefined> {
    const [main, commission, customers, totals, today] = await Promise.all([
      this.balance(`agent:${agentId}`),
      this.balance(`commission:${agentId}`),
      this.db.pool.query<{ total: string; open: string; in_debt: string; debt_micros: string }>(
        `SELECT count(*)::text AS total, count(*) FILTER (WHERE status = 'open')::text AS open,
                count(*) FILTER (WHERE balance_micros + credit_limit_micros < 0)::text AS in_debt,
                COALESCE(sum(-(balance_micros + credit_limit_micros)) FILTER (WHERE balance_micros + credit_limit_micros < 0), 0)::text AS debt_micros
           FROM ${this.db.table('balances')} WHERE agent_id = $1 AND kind = 'customer'`,
        [agentId],
      ),
      this.sums(`SELECT ${AGENT_SUMS.join(', ')} FROM ${this.db.table('agent_totals')} WHERE agent_id = $1`, [agentId]),
      this.sums(`SELECT ${AGENT_SUMS.join(', ')} FROM ${this.db.table('agent_daily')} WHERE agent_id = $1 AND day = $2`, [agentId, day]),
    ]);
    if (main === undefined) return undefined;
    const count = customers.rows[0]!;
    const customersOf = { total: Number(count.total), open: Number(count.open), inDebt: Number(count.in_debt), debtMicros: BigInt(count.debt_micros) };
    return { main, commission, customers: customersOf, totals, today: { ...today, day } };
  }

  /** Newest first; `cursor` = the last position of the previous page. */
  async ledgerLines(accountId: string, page: { limit: number; cursor: bigint | undefined }): Promise<Page<LedgerLineView>> {
    const { rows } = await this.db.pool.query<LineRow>(
      `SELECT l.position::text AS position, event_id::text, event_type, change_micros::text, balance_after_micros::text, agent_id, customer_id, ref_kind, ref_id, reference,
              base_amount_micros::text, commission_micro_percent::text, actor, occurred_at
         FROM ${this.db.table('ledger_lines')} l
        WHERE l.account_id = $1 AND ($2::bigint IS NULL OR l.position < $2::bigint)
        ORDER BY l.position DESC LIMIT $3`,
      [accountId, page.cursor?.toString() ?? null, page.limit + 1],
    );
    return pageOf(rows, page.limit, (row) => BigInt(row.position), lineView);
  }

  /** Customers with at least one hold past its expiry (for the sweeper). */
  async customersWithExpiredHolds(now: Date, limit: number): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM ${this.db.table('open_holds')} WHERE expires_at <= $1 LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => row.customer_id);
  }

  private async sums(sql: string, params: unknown[]): Promise<AgentSums> {
    const { rows } = await this.db.pool.query<Record<AgentSum, bigint | string>>(sql, params);
    const row = rows[0];
    return Object.fromEntries(AGENT_SUMS.map((column) => [column, row === undefined ? 0n : BigInt(row[column])])) as AgentSums;
  }
}

/** One row of the balances view as a BalanceView (money in micro-units). */
export function balanceOfRow(row: BalanceRow): BalanceView {
  const balanceMicros = BigInt(row.balance_micros);
  const heldMicros = BigInt(row.held_micros);
  const creditLimitMicros = BigInt(row.credit_limit_micros);
  return {
    accountId: row.account_id,
    kind: row.kind,
    holderId: row.holder_id,
    agentId: row.agent_id,
    billingType: row.billing_type,
    status: row.status,
    balanceMicros,
    heldMicros,
    availableMicros: balanceMicros - heldMicros + creditLimitMicros,
    creditLimitMicros,
    debtMicros: debtBelowFloor(balanceMicros, creditLimitMicros),
    lowBalanceThresholdMicros: BigInt(row.low_balance_threshold_micros),
    updatedAt: row.updated_at,
  };
}

interface LineRow {
  position: string;
  event_id: string;
  event_type: string;
  change_micros: string;
  balance_after_micros: string;
  agent_id: string | null;
  customer_id: string | null;
  ref_kind: string;
  ref_id: string;
  reference: string | null;
  base_amount_micros: string | null;
  commission_micro_percent: string | null;
  actor: string;
  occurred_at: Date;
}

function lineView(row: LineRow): LedgerLineView {
  const big = (value: string | null): bigint | null => (value === null ? null : BigInt(value));
  return {
    position: BigInt(row.position),
    eventId: row.event_id,
    eventType: row.event_type,
    changeMicros: BigInt(row.change_micros),
    balanceAfterMicros: BigInt(row.balance_after_micros),
    agentId: row.agent_id,
    customerId: row.customer_id,
    refKind: row.ref_kind,
    refId: row.ref_id,
    reference: row.reference,
    baseAmountMicros: big(row.base_amount_micros),
    commissionMicroPercent: big(row.commission_micro_percent),
    actor: row.actor,
    occurredAt: row.occurred_at,
  };
}
