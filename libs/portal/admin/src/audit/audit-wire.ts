// POST /wallet/audits (docs/API.md §7) as the generated client types it: {ok, checkedAt, eventCount,
// postingCount, postingsTotal, accounts, problems (how many), durationMs, report (the text `npm run audit` prints)}.
import type { ApiJson } from '../shared/api-json.js';

export type AuditRun = ApiJson<'/api/v1/wallet/audits', 'post'>;

/** The report's difference lines (`  ✗ …`), without the mark: the run names each one there. */
export function problemLines(report: string): string[] {
  return report
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('✗'))
    .map((line) => line.slice(1).trim());
}
