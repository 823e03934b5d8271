// Wire shape of POST /wallet/audits (docs/API.md §7): the generated client has no schema for its answer.

export interface AuditRun {
  ok: boolean;
  checkedAt: string;
  eventCount: number;
  postingCount: number;
  /** decimal string; "0" in balanced books. */
  postingsTotal: string;
  accounts: number;
  /** how many differences the run found (each is a `✗` line of the report). */
  problems: number;
  durationMs: number;
  /** the text `npm run audit` prints. */
  report: string;
}

/** The report's difference lines (`  ✗ …`), without the mark: the run names each one there. */
export function problemLines(report: string): string[] {
  return report
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('✗'))
    .map((line) => line.slice(1).trim());
}
