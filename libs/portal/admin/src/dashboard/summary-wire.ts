// Wire shapes of GET /reports/summary and GET /wallet/open-holds (docs/API.md §7, §12): the
// generated client has no schema for their answers (the summary's is the reports service's SummaryView).

export interface CountAmount {
  count: number;
  amount: string;
}

export interface DestinationFigures {
  destination: string;
  calls: number;
  billedSeconds: number;
  billedMinutes: string;
  revenue: string;
}

export interface SummarySection {
  /** deposits made in the range (reversals are counted apart, in `reversed`). */
  deposits: CountAmount & {
    toAgents: CountAmount;
    toCustomers: CountAmount;
    bySource: { manual: CountAmount; card: CountAmount; initial: CountAmount };
    reversed: CountAmount;
  };
  /** agents' transfers to their customers. */
  transfers: CountAmount;
  commissions: { accrued: CountAmount; moved: CountAmount; reversed: CountAmount };
  calls: {
    attempts: number;
    answered: number;
    unanswered: number;
    rated: number;
    /** calls that started in the range and are kept unrated (see unratedCallsNow for the backlog). */
    unrated: number;
    /** percent with two decimals; null without attempts. */
    asr: string | null;
    /** seconds with two decimals; null without answered calls. */
    acdSeconds: string | null;
    talkSeconds: number;
    billedSeconds: number;
    billedMinutes: string;
    revenue: string;
  };
  topDestinations: DestinationFigures[];
  lowBalanceCrossings: number;
  /** as of now, not over the range: the calls kept unrated whatever their start (GET /calls/unrated's backlog). */
  unratedCallsNow: number;
  /** as of now; the agent balances are null in the ITC-direct section. */
  balances: { agentMain: string | null; agentCommission: string | null; customers: { count: number; total: string } };
}

export interface Summary {
  from: string;
  to: string;
  topBy: 'revenue' | 'minutes';
  totals: SummarySection;
  /** every agent (admin), with its name (null until accounts' events arrived). */
  agents: Array<SummarySection & { agentId: string; name: string | null }>;
  /** admin without an agent filter: customers without an agent, and calls of unknown accounts. */
  itcDirect?: SummarySection;
}

export interface OpenHolds {
  count: number;
  held: string;
}

export const dashboardKeys = {
  all: ['admin', 'dashboard'] as const,
  summary: (from: string, to: string) => ['admin', 'dashboard', 'summary', from, to] as const,
  openHolds: ['admin', 'dashboard', 'open-holds'] as const,
  watchlist: (kind: 'agent' | 'customer') => ['admin', 'dashboard', 'watchlist', kind] as const,
};

/** Today and this month as the summary's UTC dates (`from=2026-12-01&to=2026-12-04` = the 1st through the 4th). */
export function dashboardPeriods(now: Date): { today: { from: string; to: string }; month: { from: string; to: string } } {
  const today = now.toISOString().slice(0, 10);
  return { today: { from: today, to: today }, month: { from: `${today.slice(0, 8)}01`, to: today } };
}
