// The SQL behind GET /reports/customers: rated calls of a period grouped by customer and by the
// agent each call was rated for (a customer that changed agents is a row under each, its calls
// with the agent they were for) — what the customer paid (revenue) and what the same calls cost
// that agent where rating recorded that — ranked by revenue (keyset pages), and the same sums
// over the whole scope.
import { Inject, Injectable } from '@nestjs/common';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import type { ReportRange } from './report-range.js';

export interface CustomerFiguresRow {
  customerId: string;
  accountNumber: string | null;
  agentId: string | null;
  calls: bigint;
  billedSeconds: bigint;
  revenueMicros: bigint;
  /** over the calls whose agent cost is known; null = none is. */
  agentCostMicros: bigint | null;
  /** revenue of the calls whose agent cost is known. */
  knownRevenueMicros: bigint;
  unknownCostCalls: bigint;
  unknownCostRevenueMicros: bigint;
}

export type CustomerFiguresTotals = Omit<CustomerFiguresRow, 'customerId' | 'accountNumber' | 'agentId'>;

export interface CustomerFiguresRequest {
  range: ReportRange;
  /** undefined = every agent's and ITC's customers; null = ITC-direct customers only. */
  agentId: string | null | undefined;
  limit: number;
  /** the last row of the previous page (its agent: '' = ITC-direct). */
  after?: { revenueMicros: bigint; customerId: string; agentKey: string };
}

interface Sql {
  customer_id: string;
  account_number: string | null;
  agent_id: string | null;
  calls: string;
  billed: string;
  revenue: string;
  agent_cost: string | null;
  known_revenue: string;
  unknown_calls: string;
  unknown_revenue: string;
}

const SUMS = `count(*)::text AS calls, coalesce(sum(billed_seconds), 0)::text AS billed, coalesce(sum(cost_micros), 0)::text AS revenue,
  sum(agent_cost_micros)::text AS agent_cost,
  coalesce(sum(cost_micros) FILTER (WHERE agent_cost_micros IS NOT NULL), 0)::text AS known_revenue,
  count(*) FILTER (WHERE agent_cost_micros IS NULL)::text AS unknown_calls,
  coalesce(sum(cost_micros) FILTER (WHERE agent_cost_micros IS NULL), 0)::text AS unknown_revenue`;

@Injectable()
export class CustomerFiguresQueries {
  constructor(@Inject(ReportsDatabase) private readonly db: ReportsDatabase) {}

  async load(request: CustomerFiguresRequest): Promise<{ rows: CustomerFiguresRow[]; more: boolean; totals: CustomerFiguresTotals }> {
    const scope = request.agentId === undefined ? 'true' : request.agentId === null ? 'agent_id IS NULL' : 'agent_id = $3';
    const where = `status = 'rated' AND customer_id IS NOT NULL AND started_at >= $1 AND started_at < $2 AND ${scope}`;
    const base = [request.range.from, request.range.to, ...(typeof request.agentId === 'string' ? [request.agentId] : [])];
    const n = base.length;
    const client = await this.db.pool.connect();
    try {
      // one snapshot for the page and the totals
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // a call belongs to the agent it was rated for (its own agent id), not to the customer's agent now
      const page = await client.query<Sql>(
        `WITH per AS (SELECT customer_id, agent_id, coalesce(agent_id, '') AS agent_key, ${SUMS} FROM ${this.db.table('calls')} WHERE ${where} GROUP BY customer_id, agent_id)
         SELECT per.*, c.account_number
         FROM per LEFT JOIN ${this.db.table('customers')} c USING (customer_id)
         WHERE $${n + 1}::numeric IS NULL OR per.revenue::numeric < $${n + 1}::numeric
            OR (per.revenue::numeric = $${n + 1}::numeric AND (per.customer_id, per.agent_key) > ($${n + 2}::text, $${n + 3}::text))
         ORDER BY per.revenue::numeric DESC, per.customer_id, per.agent_key LIMIT $${n + 4}`,
        [...base, request.after?.revenueMicros.toString() ?? null, request.after?.customerId ?? null, request.after?.agentKey ?? null, request.limit + 1],
      );
      const totals = await client.query<Omit<Sql, 'customer_id' | 'account_number' | 'agent_id'>>(`SELECT ${SUMS} FROM ${this.db.table('calls')} WHERE ${where}`, base);
      await client.query('COMMIT');
      return { rows: page.rows.slice(0, request.limit).map(rowOf), more: page.rows.length > request.limit, totals: sumsOf(totals.rows[0]!) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function rowOf(row: Sql): CustomerFiguresRow {
  return { customerId: row.customer_id, accountNumber: row.account_number, agentId: row.agent_id, ...sumsOf(row) };
}

function sumsOf(row: Omit<Sql, 'customer_id' | 'account_number' | 'agent_id'>): CustomerFiguresTotals {
  return {
    calls: BigInt(row.calls),
    billedSeconds: BigInt(row.billed),
    revenueMicros: BigInt(row.revenue),
    agentCostMicros: row.agent_cost === null ? null : BigInt(row.agent_cost),
    knownRevenueMicros: BigInt(row.known_revenue),
    unknownCostCalls: BigInt(row.unknown_calls),
    unknownCostRevenueMicros: BigInt(row.unknown_revenue),
  };
}
