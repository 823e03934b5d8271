// Pure: the `from`/`to` of a summary → a half-open UTC interval [from, to). A date (`2025-03-01`)
// is that whole UTC day: as `from` it starts at 00:00Z, as `to` it ends at the next day's 00:00Z
// (so `from=2025-03-01&to=2025-03-31` is all of March). An instant (ISO 8601 with offset) is used
// as is, `to` exclusive. Defaults: today (UTC); `from` alone runs to the end of today; `to` alone
// covers the day it ends in.

export interface ReportRange {
  from: Date;
  /** exclusive. */
  to: Date;
}

export type RangeResult = { ok: true; range: ReportRange } | { ok: false; path: '/from' | '/to'; message: string };

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function resolveReportRange(input: { from?: string | undefined; to?: string | undefined }, now: Date, maxRangeDays: number): RangeResult {
  const from = input.from === undefined ? undefined : boundary(input.from, 'start');
  const to = input.to === undefined ? undefined : boundary(input.to, 'end');
  if (from === null) return { ok: false, path: '/from', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset' };
  if (to === null) return { ok: false, path: '/to', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset' };

  const resolvedFrom = from ?? (to === undefined ? startOfUtcDay(now) : startOfUtcDay(new Date(to.getTime() - 1)));
  const resolvedTo = to ?? new Date(startOfUtcDay(from === undefined ? now : latest(from, now)).getTime() + DAY_MS);
  if (resolvedTo.getTime() <= resolvedFrom.getTime()) return { ok: false, path: '/to', message: 'must be after from' };
  if (resolvedTo.getTime() - resolvedFrom.getTime() > maxRangeDays * DAY_MS) {
    return { ok: false, path: '/to', message: `must be at most ${maxRangeDays} days after from` };
  }
  return { ok: true, range: { from: resolvedFrom, to: resolvedTo } };
}

/** undefined never; null = unreadable. */
function boundary(text: string, side: 'start' | 'end'): Date | null {
  if (DATE_ONLY.test(text)) {
    const day = new Date(`${text}T00:00:00.000Z`);
    // `2025-02-30` parses to March 2nd: refuse instead of guessing
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) return null;
    return side === 'start' ? day : new Date(day.getTime() + DAY_MS);
  }
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
