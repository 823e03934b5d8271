// Pure: the grouped rows of SummaryQueries → the JSON of GET /reports/summary. Money leaves as
// decimal strings, counts and seconds as JSON integers, ratios as two-decimal strings.
import { formatMoney } from '@billing/money';
import type { AgentKey, BalanceRow, DestinationRow, LedgerRow, SummaryData, TopBy, TrafficRow } from './summary.queries.js';
import type { ReportRange } from './report-range.js';
import type { CustomerScopeView } from './customer-scope.js';
import { acdSeconds, addTraffic, asrPercent, minutesOf, NO_TRAFFIC, type TrafficTotals } from './traffic-figures.js';

export interface CountAmount {
  count: number;
  amount: string;
}

export interface DestinationView {
  destination: string;
  calls: number;
  billedSeconds: number;
  billedMinutes: string;
  revenue: string;
}

export interface SectionView {
  deposits: CountAmount & {
    toAgents: CountAmount;
    toCustomers: CountAmount;
    bySource: { manual: CountAmount; card: CountAmount; initial: CountAmount };
    reversed: CountAmount;
  };
  transfers: CountAmount;
  commissions: { accrued: CountAmount; moved: CountAmount; reversed: CountAmount };
  calls: {
    attempts: number;
    answered: number;
    unanswered: number;
    rated: number;
    unrated: number;
    /** answered / attempts, percent, two decimals; null without attempts. */
    asr: string | null;
    /** average talk time of answered calls, seconds, two decimals; null without answered calls. */
    acdSeconds: string | null;
    talkSeconds: number;
    billedSeconds: number;
    billedMinutes: string;
    revenue: string;
  };
  topDestinations: DestinationView[];
  lowBalanceCrossings: number;
  /** calls kept unrated now, whatever their start (not over the range): the re-rating backlog of GET /calls/unrated. */
  unratedCallsNow: number;
  /** now, not over the range. Agent balances are null in the ITC-direct section. */
  balances: { agentMain: string | null; agentCommission: string | null; customers: { count: number; total: string } };
}

export interface AgentSectionView extends SectionView {
  agentId: string;
  /** null when the agent's accounts events have not arrived (yet). */
  name: string | null;
}

export interface SummaryView {
  from: string;
  to: string;
  topBy: TopBy;
  /** everything the caller may see (an agent: its own). */
  totals: SectionView;
  agents: AgentSectionView[];
  /** admin without an agent filter: customers without an agent, and calls of unknown accounts. */
  itcDirect?: SectionView;
  /** `?customerId=`: that customer's calls (filtered by `sipUsername`, grouped with `groupBy=sipUsername`). */
  customer?: CustomerScopeView;
}

export interface SummaryShape {
  range: ReportRange;
  topBy: TopBy;
  /** the one agent the report is about (agent caller, or admin's filter); undefined = all. */
  agentId: string | undefined;
}

export function summaryView(data: SummaryData, shape: SummaryShape): SummaryView {
  const groups = groupByAgent(data);
  const topByAgent = new Map<AgentKey, DestinationRow[]>();
  for (const row of data.topByAgent) {
    const list = topByAgent.get(row.agentId);
    if (list === undefined) topByAgent.set(row.agentId, [row]);
    else list.push(row);
  }
  const keys = new Set<string>(shape.agentId === undefined ? data.agents.keys() : [shape.agentId]);
  if (shape.agentId === undefined) for (const key of groups.keys()) if (key !== null) keys.add(key);

  const agents = [...keys].sort(byteOrder).map(
    (agentId): AgentSectionView => ({
      agentId,
      name: data.agents.get(agentId) ?? null,
      // one agent in scope: its list is the overall one (not computed twice)
      ...section(groupsOf(groups, [agentId]), shape.agentId === undefined ? (topByAgent.get(agentId) ?? []) : data.topOverall, 'agent'),
    }),
  );
  const view: SummaryView = {
    from: shape.range.from.toISOString(),
    to: shape.range.to.toISOString(),
    topBy: shape.topBy,
    totals: section([...groups.values()], data.topOverall, shape.agentId === undefined ? 'all' : 'agent'),
    agents,
  };
  if (shape.agentId === undefined) view.itcDirect = section(groupsOf(groups, [null]), topByAgent.get(null) ?? [], 'itc-direct');
  return view;
}

/** One agent's rows (or ITC-direct's, key null). */
interface AgentRows {
  ledger: LedgerRow[];
  traffic: TrafficRow[];
  balances: BalanceRow[];
  customers: bigint;
  unratedNow: bigint;
}

function groupByAgent(data: SummaryData): Map<AgentKey, AgentRows> {
  const groups = new Map<AgentKey, AgentRows>();
  const of = (agentId: AgentKey): AgentRows => {
    let group = groups.get(agentId);
    if (group === undefined) {
      group = { ledger: [], traffic: [], balances: [], customers: 0n, unratedNow: 0n };
      groups.set(agentId, group);
    }
    return group;
  };
  for (const row of data.ledger) of(row.agentId).ledger.push(row);
  for (const row of data.traffic) of(row.agentId).traffic.push(row);
  for (const row of data.balances) of(row.agentId).balances.push(row);
  for (const [agentId, customers] of data.customers) of(agentId).customers += customers;
  for (const [agentId, unrated] of data.unratedNow) of(agentId).unratedNow += unrated;
  return groups;
}

function groupsOf(groups: Map<AgentKey, AgentRows>, keys: AgentKey[]): AgentRows[] {
  return keys.flatMap((key) => groups.get(key) ?? []);
}

function section(groups: AgentRows[], top: DestinationRow[], kind: 'all' | 'agent' | 'itc-direct'): SectionView {
  const ledger = groups.flatMap((group) => group.ledger);
  const sum = (match: (row: LedgerRow) => boolean): CountAmount => countAmount(ledger.filter(match));
  const deposit = (row: LedgerRow) => row.kind === 'deposit';
  const traffic = groups.flatMap((group) => group.traffic).reduce<TrafficTotals>((acc, row: TrafficRow) => addTraffic(acc, row), NO_TRAFFIC);
  const balances = groups.flatMap((group) => group.balances);
  const customers = groups.reduce((acc, group) => acc + group.customers, 0n);
  const unratedNow = groups.reduce((acc, group) => acc + group.unratedNow, 0n);
  return {
    deposits: {
      ...sum(deposit),
      toAgents: sum((row) => deposit(row) && row.accountKind === 'agent-main'),
      toCustomers: sum((row) => deposit(row) && row.accountKind === 'customer'),
      bySource: {
        manual: sum((row) => deposit(row) && row.detail === 'manual'),
        card: sum((row) => deposit(row) && row.detail === 'card'),
        initial: sum((row) => deposit(row) && row.detail === 'initial'),
      },
      reversed: sum((row) => row.kind === 'deposit-reversal'),
    },
    transfers: sum((row) => row.kind === 'transfer'),
    commissions: {
      accrued: sum((row) => row.kind === 'commission-accrued'),
      moved: sum((row) => row.kind === 'commission-moved'),
      reversed: sum((row) => row.kind === 'commission-reversed'),
    },
    calls: {
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
    },
    topDestinations: top.map((row) => ({
      destination: row.destination,
      calls: count(row.calls),
      billedSeconds: count(row.billedSeconds),
      billedMinutes: minutesOf(row.billedSeconds),
      revenue: formatMoney(row.revenueMicros),
    })),
    lowBalanceCrossings: count(ledger.filter((row) => row.kind === 'low-balance-crossing').reduce((acc, row) => acc + row.count, 0n)),
    unratedCallsNow: count(unratedNow),
    balances: {
      agentMain: kind === 'itc-direct' ? null : formatMoney(total(balances, 'agent-main')),
      agentCommission: kind === 'itc-direct' ? null : formatMoney(total(balances, 'agent-commission')),
      customers: { count: count(customers), total: formatMoney(total(balances, 'customer')) },
    },
  };
}

function countAmount(rows: LedgerRow[]): CountAmount {
  let n = 0n;
  let micros = 0n;
  for (const row of rows) {
    n += row.count;
    micros += row.amountMicros;
  }
  return { count: count(n), amount: formatMoney(micros) };
}

function total(rows: BalanceRow[], accountKind: BalanceRow['accountKind']): bigint {
  return rows.filter((row) => row.accountKind === accountKind).reduce((acc, row) => acc + row.totalMicros, 0n);
}

/** Counts and seconds as JSON numbers: exact far beyond any real traffic, checked anyway. */
function count(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`count ${value} is beyond JSON's exact integers`);
  return n;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
