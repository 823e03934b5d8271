// GET /reports/summary and GET /wallet/open-holds (docs/API.md §7, §12) as the generated client types them.
import type { ApiJson } from '../shared/api-json.js';

export type Summary = ApiJson<'/api/v1/reports/summary', 'get'>;
/** One section (totals, an agent, ITC-direct): `calls.unrated` counts the calls started in the range, `unratedCallsNow` the backlog now. */
export type SummarySection = Summary['totals'];
export type DestinationFigures = SummarySection['topDestinations'][number];
export type OpenHolds = ApiJson<'/api/v1/wallet/open-holds', 'get'>;

export const dashboardKeys = {
  all: ['admin', 'dashboard'] as const,
  summary: (from: string, to: string) => ['admin', 'dashboard', 'summary', from, to] as const,
  openHolds: ['admin', 'dashboard', 'open-holds'] as const,
  watchlist: (kind: 'agent' | 'customer') => ['admin', 'dashboard', 'watchlist', kind] as const,
  /** not under `all`: the live feed's refreshes leave the chart's history alone. */
  series: (from: string, to: string, load: number) => ['admin', 'dashboard-series', from, to, load] as const,
};

/** Today and this month as the summary's UTC dates (`from=2026-12-01&to=2026-12-04` = the 1st through the 4th). */
export function dashboardPeriods(now: Date): { today: { from: string; to: string }; month: { from: string; to: string } } {
  const today = now.toISOString().slice(0, 10);
  return { today: { from: today, to: today }, month: { from: `${today.slice(0, 8)}01`, to: today } };
}
