// The summary's customer scope (issue 13 §4: "the reports can be filtered and grouped by SIP
// user"): `?customerId=` adds that customer's call figures over the range — narrowed to one SIP
// user with `&sipUsername=`, and broken down by the user that made each call with
// `&groupBy=sipUsername` — beside the summary's own sections, which stay as they are. The same
// figures as the summary's calls (attempts, ASR, ACD, billed time, revenue), from the same
// snapshot. A SIP username is the one the CDR named; null = a call that named only the account or
// came from a trunk address.
import { formatMoney } from '@billing/money';
import type pg from 'pg';
import type { ReportRange } from './report-range.js';
import { acdSeconds, asrPercent, minutesOf, type TrafficTotals } from './traffic-figures.js';

/** Rows of a grouping at most (an account has at most 100 users; the rest is null-grouped calls). */
const MAX_SIP_USER_ROWS = 200;

export interface CustomerScopeRequest {
  customerId: string;
  /** only the calls rated for this agent (the summary's agent scope); undefined = every call of the customer. */
  agentId: string | undefined;
  /** only the calls this SIP user made. */
  sipUsername: string | undefined;
  groupBySipUsername: boolean;
  topBy: 'revenue' | 'minutes';
  topLimit: number;
}

interface SipUserRow extends TrafficTotals {
  sipUsername: string | null;
}

export interface CustomerScopeData {
  traffic: TrafficTotals;
  top: { destination: string; calls: bigint; billedSeconds: bigint; revenueMicros: bigint }[];
  bySipUsername: SipUserRow[] | null;
}

export interface CustomerScopeView {
  customerId: string;
  /** the filter, null = every user's calls. */
  sipUsername: string | null;
  calls: ReturnType<typeof callsView>;
  topDestinations: { destination: string; calls: number; billedSeconds: number; billedMinutes: string; revenue: string }[];
  /** with groupBy=sipUsername: one row per SIP user (null = calls that named none), by revenue. */
  bySipUsername?: ({ sipUsername: string | null } & ReturnType<typeof callsView>)[];
}

const TRAFFIC = `count(*) AS attempts,
  count(*) FILTER (WHERE status <> 'unanswered') AS answered,
  count(*) FILTER (WHERE status = 'rated') AS rated,
  count(*) FILTER (WHERE status = 'unrated') AS unrated,
  coalesce(sum(billsec_seconds) FILTER (WHERE status <> 'unanswered'), 0)::text AS talk,
  coalesce(sum(billed_seconds) FILTER (WHERE status = 'rated'), 0)::text AS billed,
  coalesce(sum(cost_micros) FILTER (WHERE status = 'rated'), 0)::text AS revenue`;
// a call counts for the agent it was rated for (its own agent id), not for the customer's agent now
const WHERE = `customer_id = $1 AND started_at >= $2 AND started_at < $3 AND ($4::text IS NULL OR sip_username = $4) AND ($5::text IS NULL OR agent_id = $5)`;

interface TrafficSql {
  attempts: string;
  answered: string;
  rated: string;
  unrated: string;
  talk: string;
  billed: string;
  revenue: string;
}

/** Runs in the summary's read-only transaction (`calls` = the quoted calls table). */
export async function loadCustomerScope(client: pg.ClientBase, calls: string, range: ReportRange, request: CustomerScopeRequest): Promise<CustomerScopeData> {
  const params = [request.customerId, range.from, range.to, request.sipUsername ?? null, request.agentId ?? null];
  const total = await client.query<TrafficSql>(`SELECT ${TRAFFIC} FROM ${calls} WHERE ${WHERE}`, params);
  const order = request.topBy === 'revenue' ? 'sum(cost_micros) DESC, sum(billed_seconds) DESC' : 'sum(billed_seconds) DESC, sum(cost_micros) DESC';
  const top = await client.query<{ destination: string; calls: string; billed: string; revenue: string }>(
    `SELECT destination_name AS destination, count(*) AS calls, sum(billed_seconds)::text AS billed, sum(cost_micros)::text AS revenue
     FROM ${calls} WHERE status = 'rated' AND ${WHERE}
     GROUP BY destination_name ORDER BY ${order}, count(*) DESC, destination_name COLLATE "C" LIMIT $6`,
    [...params, request.topLimit],
  );
  const bySip = request.groupBySipUsername
    ? await client.query<TrafficSql & { sip_username: string | null }>(
        `SELECT sip_username, ${TRAFFIC} FROM ${calls} WHERE ${WHERE}
         GROUP BY sip_username ORDER BY coalesce(sum(cost_micros) FILTER (WHERE status = 'rated'), 0) DESC, count(*) DESC, sip_username COLLATE "C" NULLS LAST LIMIT $6`,
        [...params, MAX_SIP_USER_ROWS],
      )
    : null;
  return {
    traffic: trafficOf(total.rows[0]!),
    top: top.rows.map((row) => ({ destination: row.destination, calls: BigInt(row.calls), billedSeconds: BigInt(row.billed), revenueMicros: BigInt(row.revenue) })),
    bySipUsername: bySip === null ? null : bySip.rows.map((row) => ({ sipUsername: row.sip_username, ...trafficOf(row) })),
  };
}

export function customerScopeView(data: CustomerScopeData, request: CustomerScopeRequest): CustomerScopeView {
  return {
    customerId: request.customerId,
    sipUsername: request.sipUsername ?? null,
    calls: callsView(data.traffic),
    topDestinations: data.top.map((row) => ({
      destination: row.destination,
      calls: count(row.calls),
      billedSeconds: count(row.billedSeconds),
      billedMinutes: minutesOf(row.billedSeconds),
      revenue: formatMoney(row.revenueMicros),
    })),
    ...(data.bySipUsername === null ? {} : { bySipUsername: data.bySipUsername.map((row) => ({ sipUsername: row.sipUsername, ...callsView(row) })) }),
  };
}

function callsView(traffic: TrafficTotals) {
  return {
    attempts: count(traffic.attempts),
    answered: count(traffic.answered),
    unanswered: count(traffic.attempts - traffic.answered),
    rated: count(traffic.rated),
    unrated: count(traffic.unrated),
    asr: asrPercent(traffic),
    acdSeconds: acdSeconds(traffic),
    talkSeconds: count(traffic.talkSeconds),
    billedSeconds: count(traffic.billedSeconds),
    billedMinutes: minutesOf(traffic.billedSeconds),
    revenue: formatMoney(traffic.revenueMicros),
  };
}

function trafficOf(row: TrafficSql): TrafficTotals {
  return {
    attempts: BigInt(row.attempts),
    answered: BigInt(row.answered),
    rated: BigInt(row.rated),
    unrated: BigInt(row.unrated),
    talkSeconds: BigInt(row.talk),
    billedSeconds: BigInt(row.billed),
    revenueMicros: BigInt(row.revenue),
  };
}

function count(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`count ${value} is beyond JSON's exact integers`);
  return n;
}
