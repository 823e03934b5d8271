// Pure: the dashboard's live series — calls and revenue per minute from the feed's `call` events
// since the page opened. Revenue is summed exactly in micro-units (bigint); only the chart turns
// it into a plot coordinate.
import { toMicroUnits } from '@billing/portal-ui';

export interface MinuteBucket {
  /** the minute's start, epoch seconds (what uPlot's time axis takes). */
  minute: number;
  calls: number;
  revenueMicros: bigint;
}

/** How many minutes the chart keeps. */
export const SERIES_MINUTES = 30;

/**
 * The series with one more rated call: a bucket per minute from the first to `at`'s minute, empty
 * minutes as zero (a gap is "no calls", not a missing point), at most SERIES_MINUTES of them.
 */
export function addCall(series: readonly MinuteBucket[], at: Date, cost: string): MinuteBucket[] {
  const minute = Math.floor(at.getTime() / 60_000) * 60;
  const withMinute = extendTo(series, minute);
  const revenue = /^-?\d+(\.\d{1,6})?$/.test(cost) ? toMicroUnits(cost) : 0n;
  return withMinute.map((bucket) => (bucket.minute === minute ? { ...bucket, calls: bucket.calls + 1, revenueMicros: bucket.revenueMicros + revenue } : bucket));
}

/** The series carried on to `minute` (epoch seconds) with empty buckets, trimmed to the last SERIES_MINUTES. */
export function extendTo(series: readonly MinuteBucket[], minute: number): MinuteBucket[] {
  const next = [...series];
  const last = next.at(-1)?.minute;
  if (last === undefined) next.push({ minute, calls: 0, revenueMicros: 0n });
  else for (let m = last + 60; m <= minute; m += 60) next.push({ minute: m, calls: 0, revenueMicros: 0n });
  return next.slice(-SERIES_MINUTES);
}
