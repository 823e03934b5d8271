// Call history (issue 5 §5): per customer, per agent, unrated calls for ITC; filters, keyset
// pagination on (startedAt, callId) descending, export in pages, and the report figures (count,
// minutes, cost, ASR, ACD, top destinations) from the same rows.
import { acdMillis, asrMicroPercent, NO_TRAFFIC, type TrafficTotals, type UnratedReason } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { RatingDatabase } from '../infrastructure/rating-database.js';

export type CallStatus = 'rated' | 'unrated' | 'unanswered';

export interface CallFilter {
  customerId?: string | undefined;
  agentId?: string | undefined;
  /** started at or after (ISO instant). */
  from?: string | undefined;
  /** started before (ISO instant). */
  to?: string | undefined;
  /** normalised digits the dialled number starts with. */
  destination?: string | undefined;
  status?: CallStatus | undefined;
  reason?: UnratedReason | undefined;
  /** the SIP user the CDR named (an account's further users included). */
  sipUsername?: string | undefined;
}

/** One SIP user's share of the traffic; sipUsername null = CDRs that named only the account. */
export interface SipUserTraffic {
  sipUsername: string | null;
  attempts: number;
  answered: number;
  billedSeconds: number;
  revenueMicros: bigint;
}

export interface CallRow {
  call_id: string;
  status: CallStatus;
  customer_id: string | null;
  agent_id: string | null;
  account: string | null;
  sip_username: string | null;
  source_ip: string | null;
  tech_prefix: string | null;
  caller_id: string | null;
  destination: string;
  destination_digits: string | null;
  destination_name: string | null;
  prefix: string | null;
  sheet_id: string | null;
  version_id: string | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  billsec: number;
  billed_seconds: number;
  cost_micros: bigint;
  disposition: string;
  reason: UnratedReason | null;
  hold_id: string | null;
  recorded_at: Date;
}

export interface CallsPage {
  rows: CallRow[];
  /** (startedAt ISO, callId) of the last row when another page exists. */
  next: [string, string] | null;
}

export interface CallSummary {
  totals: TrafficTotals;
  asrMicroPercent: bigint | null;
  acdMillis: number | null;
  topDestinations: { destination: string; attempts: number; answered: number; billedSeconds: number; revenueMicros: bigint }[];
}

const COLUMNS = `call_id, status, customer_id, agent_id, account, sip_username, source_ip, tech_prefix, caller_id, destination, destination_digits, destination_name, prefix,
  sheet_id, version_id, started_at, answered_at, ended_at, billsec, billed_seconds, cost_micros, disposition, reason, hold_id, recorded_at`;

@Injectable()
export class CallHistoryQueries {
  constructor(@Inject(RatingDatabase) private readonly db: RatingDatabase) {}

  async page(filter: CallFilter, limit: number, after: [string, string] | null): Promise<CallsPage> {
    const { where, params } = conditions(filter);
    if (after !== null) where.push(`(started_at, call_id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])})`);
    const { rows } = await this.db.pool.query<CallRow>(
      `SELECT ${COLUMNS} FROM ${this.db.table('calls')} WHERE ${where.join(' AND ')} ORDER BY started_at DESC, call_id DESC LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { rows: page, next: rows.length > limit && last !== undefined ? [last.started_at.toISOString(), last.call_id] : null };
  }

  async call(callId: string): Promise<CallRow | null> {
    const { rows } = await this.db.pool.query<CallRow>(`SELECT ${COLUMNS} FROM ${this.db.table('calls')} WHERE call_id = $1 AND status <> 'authorized'`, [callId]);
    return rows[0] ?? null;
  }

  /** The traffic grouped by the SIP user that made it, busiest (by revenue) first. */
  async bySipUser(filter: CallFilter, top: number): Promise<SipUserTraffic[]> {
    const { where, params } = conditions(filter);
    const { rows } = await this.db.pool.query<{ sip_username: string | null; attempts: bigint; answered: bigint; billed: bigint; revenue: bigint }>(
      `SELECT sip_username, count(*) AS attempts, count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
              COALESCE(sum(billed_seconds), 0)::bigint AS billed, COALESCE(sum(cost_micros), 0)::bigint AS revenue
         FROM ${this.db.table('calls')} WHERE ${where.join(' AND ')}
        GROUP BY 1 ORDER BY revenue DESC, billed DESC, attempts DESC, 1 NULLS LAST LIMIT ${top}`,
      params,
    );
    return rows.map((r) => ({ sipUsername: r.sip_username, attempts: Number(r.attempts), answered: Number(r.answered), billedSeconds: Number(r.billed), revenueMicros: BigInt(r.revenue) }));
  }

  async summary(filter: CallFilter, top: number): Promise<CallSummary> {
    const { where, params } = conditions(filter);
    const calls = this.db.table('calls');
    const totals = await this.db.pool.query<{ attempts: bigint; answered: bigint; billsec: bigint; billed: bigint; revenue: bigint }>(
      `SELECT count(*) AS attempts, count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered, COALESCE(sum(billsec), 0)::bigint AS billsec,
              COALESCE(sum(billed_seconds), 0)::bigint AS billed, COALESCE(sum(cost_micros), 0)::bigint AS revenue
         FROM ${calls} WHERE ${where.join(' AND ')}`,
      params,
    );
    const destinations = await this.db.pool.query<{ destination: string; attempts: bigint; answered: bigint; billed: bigint; revenue: bigint }>(
      `SELECT COALESCE(destination_name, 'unrated') AS destination, count(*) AS attempts, count(*) FILTER (WHERE answered_at IS NOT NULL) AS answered,
              COALESCE(sum(billed_seconds), 0)::bigint AS billed, COALESCE(sum(cost_micros), 0)::bigint AS revenue
         FROM ${calls} WHERE ${where.join(' AND ')}
        GROUP BY 1 ORDER BY revenue DESC, billed DESC, attempts DESC, 1 LIMIT ${top}`,
      params,
    );
    const row = totals.rows[0];
    const trafficTotals: TrafficTotals =
      row === undefined
        ? NO_TRAFFIC
        : { attempts: Number(row.attempts), answered: Number(row.answered), billsecSeconds: Number(row.billsec), billedSeconds: Number(row.billed), revenueMicros: BigInt(row.revenue) };
    return {
      totals: trafficTotals,
      asrMicroPercent: asrMicroPercent(trafficTotals),
      acdMillis: acdMillis(trafficTotals),
      topDestinations: destinations.rows.map((d) => ({
        destination: d.destination,
        attempts: Number(d.attempts),
        answered: Number(d.answered),
        billedSeconds: Number(d.billed),
        revenueMicros: BigInt(d.revenue),
      })),
    };
  }
}

function conditions(filter: CallFilter): { where: string[]; params: unknown[] } {
  const where = ["status <> 'authorized'"];
  const params: unknown[] = [];
  if (filter.customerId !== undefined) where.push(`customer_id = $${params.push(filter.customerId)}`);
  if (filter.agentId !== undefined) where.push(`agent_id = $${params.push(filter.agentId)}`);
  if (filter.from !== undefined) where.push(`started_at >= $${params.push(filter.from)}::timestamptz`);
  if (filter.to !== undefined) where.push(`started_at < $${params.push(filter.to)}::timestamptz`);
  // digits only (validated): no LIKE wildcard can come in
  if (filter.destination !== undefined) where.push(`destination_digits LIKE $${params.push(`${filter.destination}%`)}`);
  if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`);
  if (filter.reason !== undefined) where.push(`reason = $${params.push(filter.reason)}`);
  if (filter.sipUsername !== undefined) where.push(`sip_username = $${params.push(filter.sipUsername)}`);
  return { where, params };
}
