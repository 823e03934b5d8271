// The SQL behind GET /reports/summary: grouped sums per agent (NULL = ITC-direct) over the range,
// exact (`sum(bigint)` is numeric, read as text into bigint), all in one read-only REPEATABLE READ
// transaction so every figure of a report comes from the same snapshot.
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import type { BalanceAccount, LedgerFactKind } from '../intake/report-changes.js';
import type { ReportRange } from './report-range.js';
import type { TrafficTotals } from './traffic-figures.js';
import { loadCustomerScope, type CustomerScopeData, type CustomerScopeRequest } from './customer-scope.js';

/** The agent a figure belongs to; null = ITC-direct (and calls of unknown accounts). */
export type AgentKey = string | null;

export type TopBy = 'revenue' | 'minutes';

export interface LedgerRow {
  agentId: AgentKey;
  kind: LedgerFactKind;
  accountKind: BalanceAccount;
  detail: string | null;
  count: bigint;
  amountMicros: bigint;
}

export interface TrafficRow extends TrafficTotals {
  agentId: AgentKey;
}

export interface DestinationRow {
  /** null in the overall list. */
  agentId: AgentKey;
  destination: string;
  calls: bigint;
  billedSeconds: bigint;
  revenueMicros: bigint;
}

export interface BalanceRow {
  agentId: AgentKey;
  accountKind: BalanceAccount;
  accounts: bigint;
  totalMicros: bigint;
}

export interface SummaryData {
  agents: Map<string, string>;
  ledger: LedgerRow[];
  traffic: TrafficRow[];
  /** top destinations per agent (only when the report breaks down by agent). */
  topByAgent: DestinationRow[];
  /** top destinations over the whole scope. */
  topOverall: DestinationRow[];
  balances: BalanceRow[];
  customers: Map<AgentKey, bigint>;
  /** calls kept unrated now (any start time): the re-rating backlog. */
  unratedNow: Map<AgentKey, bigint>;
  /** one customer's call figures (`?customerId=`), null without it. */
  customer: CustomerScopeData | null;
}

export interface SummaryRequest {
  range: ReportRange;
  /** undefined = every agent (admin). */
  agentId: string | undefined;
  topBy: TopBy;
  topLimit: number;
  /** also compute top destinations per agent. */
  perAgent: boolean;
  /** one customer's calls, by SIP user (customer-scope.ts). */
  customer?: CustomerScopeRequest;
}

@Injectable()
export class SummaryQueries {
  constructor(@Inject(ReportsDatabase) private readonly db: ReportsDatabase) {}

  async agentExists(agentId: string): Promise<boolean> {
    const { rows } = await this.db.pool.query(
      `SELECT 1 FROM ${this.db.table('agents')} WHERE agent_id = $1
       UNION ALL SELECT 1 FROM ${this.db.table('balances')} WHERE agent_id = $1 LIMIT 1`,
      [agentId],
    );
    return rows.length > 0;
  }

  async load(request: SummaryRequest): Promise<SummaryData> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const data: SummaryData = {
        agents: await this.agents(client, request),
        ledger: await this.ledger(client, request),
        traffic: await this.traffic(client, request),
        topByAgent: request.perAgent ? await this.top(client, request, true) : [],
        topOverall: await this.top(client, request, false),
        balances: await this.balances(client, request),
        customers: await this.customers(client, request),
        unratedNow: await this.unratedNow(client, request),
        customer: request.customer === undefined ? null : await loadCustomerScope(client, this.db.table('calls'), request.range, request.customer),
      };
      await client.query('COMMIT');
      return data;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async agents(client: pg.ClientBase, request: SummaryRequest): Promise<Map<string, string>> {
    const { rows } = await client.query<{ agent_id: string; name: string }>(
      `SELECT agent_id, name FROM ${this.db.table('agents')} WHERE ($1::text IS NULL OR agent_id = $1)`,
      [request.agentId ?? null],
    );
    return new Map(rows.map((row) => [row.agent_id, row.name]));
  }

  private async ledger(client: pg.ClientBase, request: SummaryRequest): Promise<LedgerRow[]> {
    const { rows } = await client.query<{ agent_id: AgentKey; kind: LedgerFactKind; account_kind: BalanceAccount; detail: string | null; n: bigint; micros: string }>(
      `SELECT agent_id, kind, account_kind, detail, count(*) AS n, sum(amount_micros)::text AS micros
       FROM ${this.db.table('ledger_facts')}
       WHERE occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR agent_id = $3)
       GROUP BY agent_id, kind, account_kind, detail`,
      this.params(request),
    );
    return rows.map((row) => ({
      agentId: row.agent_id,
      kind: row.kind,
      accountKind: row.account_kind,
      detail: row.detail,
      count: BigInt(row.n),
      amountMicros: BigInt(row.micros),
    }));
  }

  private async traffic(client: pg.ClientBase, request: SummaryRequest): Promise<TrafficRow[]> {
    const { rows } = await client.query<{ agent_id: AgentKey; attempts: bigint; answered: bigint; rated: bigint; unrated: bigint; talk: string; billed: string; revenue: string }>(
      `SELECT agent_id,
              count(*) AS attempts,
              count(*) FILTER (WHERE status <> 'unanswered') AS answered,
              count(*) FILTER (WHERE status = 'rated') AS rated,
              count(*) FILTER (WHERE status = 'unrated') AS unrated,
              coalesce(sum(billsec_seconds) FILTER (WHERE status <> 'unanswered'), 0)::text AS talk,
              coalesce(sum(billed_seconds) FILTER (WHERE status = 'rated'), 0)::text AS billed,
              coalesce(sum(cost_micros) FILTER (WHERE status = 'rated'), 0)::text AS revenue
       FROM ${this.db.table('calls')}
       WHERE started_at >= $1 AND started_at < $2 AND ($3::text IS NULL OR agent_id = $3)
       GROUP BY agent_id`,
      this.params(request),
    );
    return rows.map((row) => ({
      agentId: row.agent_id,
      attempts: BigInt(row.attempts),
      answered: BigInt(row.answered),
      rated: BigInt(row.rated),
      unrated: BigInt(row.unrated),
      talkSeconds: BigInt(row.talk),
      billedSeconds: BigInt(row.billed),
      revenueMicros: BigInt(row.revenue),
    }));
  }

  /** Rated calls by destination name; ties broken by the other measure, calls, then name (byte order). */
  private async top(client: pg.ClientBase, request: SummaryRequest, perAgent: boolean): Promise<DestinationRow[]> {
    const revenue = 'sum(cost_micros)';
    const seconds = 'sum(billed_seconds)';
    const order = request.topBy === 'revenue' ? `${revenue} DESC, ${seconds} DESC` : `${seconds} DESC, ${revenue} DESC`;
    const agentColumn = perAgent ? 'agent_id' : 'NULL::text';
    const { rows } = await client.query<{ agent_id: AgentKey; destination: string; calls: bigint; billed: string; revenue: string }>(
      `SELECT agent_id, destination, calls, billed, revenue FROM (
         SELECT ${agentColumn} AS agent_id, destination_name AS destination, count(*) AS calls, ${seconds}::text AS billed, ${revenue}::text AS revenue,
                row_number() OVER (${perAgent ? 'PARTITION BY agent_id ' : ''}ORDER BY ${order}, count(*) DESC, destination_name COLLATE "C") AS rank
         FROM ${this.db.table('calls')}
         WHERE status = 'rated' AND started_at >= $1 AND started_at < $2 AND ($3::text IS NULL OR agent_id = $3)
         GROUP BY ${perAgent ? 'agent_id, ' : ''}destination_name
       ) ranked
       WHERE rank <= $4
       ORDER BY agent_id NULLS FIRST, rank`,
      [...this.params(request), request.topLimit],
    );
    return rows.map((row) => ({
      agentId: row.agent_id,
      destination: row.destination,
      calls: BigInt(row.calls),
      billedSeconds: BigInt(row.billed),
      revenueMicros: BigInt(row.revenue),
    }));
  }

  private async balances(client: pg.ClientBase, request: SummaryRequest): Promise<BalanceRow[]> {
    const { rows } = await client.query<{ agent_id: AgentKey; account_kind: BalanceAccount; n: bigint; micros: string }>(
      `SELECT agent_id, account_kind, count(*) AS n, sum(balance_micros)::text AS micros
       FROM ${this.db.table('balances')}
       WHERE ($1::text IS NULL OR agent_id = $1)
       GROUP BY agent_id, account_kind`,
      [request.agentId ?? null],
    );
    return rows.map((row) => ({ agentId: row.agent_id, accountKind: row.account_kind, accounts: BigInt(row.n), totalMicros: BigInt(row.micros) }));
  }

  private async customers(client: pg.ClientBase, request: SummaryRequest): Promise<Map<AgentKey, bigint>> {
    const { rows } = await client.query<{ agent_id: AgentKey; n: bigint }>(
      `SELECT agent_id, count(*) AS n FROM ${this.db.table('customers')} WHERE ($1::text IS NULL OR agent_id = $1) GROUP BY agent_id`,
      [request.agentId ?? null],
    );
    return new Map(rows.map((row) => [row.agent_id, BigInt(row.n)]));
  }

  private async unratedNow(client: pg.ClientBase, request: SummaryRequest): Promise<Map<AgentKey, bigint>> {
    const { rows } = await client.query<{ agent_id: AgentKey; n: bigint }>(
      `SELECT agent_id, count(*) AS n FROM ${this.db.table('calls')} WHERE status = 'unrated' AND ($1::text IS NULL OR agent_id = $1) GROUP BY agent_id`,
      [request.agentId ?? null],
    );
    return new Map(rows.map((row) => [row.agent_id, BigInt(row.n)]));
  }

  /**
   * Whether reports knows the customer and, with an agent, whether it is that agent's now or has
   * calls rated for that agent (a customer moved away keeps its calls with the agent they were for).
   */
  async customerVisible(customerId: string, agentId: string | undefined): Promise<boolean> {
    const { rows } = await this.db.pool.query(
      `SELECT 1 FROM ${this.db.table('customers')} WHERE customer_id = $1 AND ($2::text IS NULL OR agent_id = $2)
       UNION ALL SELECT 1 FROM ${this.db.table('calls')} WHERE $2::text IS NOT NULL AND customer_id = $1 AND agent_id = $2
         AND EXISTS (SELECT 1 FROM ${this.db.table('customers')} WHERE customer_id = $1)
       LIMIT 1`,
      [customerId, agentId ?? null],
    );
    return rows.length > 0;
  }

  private params(request: SummaryRequest): [Date, Date, string | null] {
    return [request.range.from, request.range.to, request.agentId ?? null];
  }
}
