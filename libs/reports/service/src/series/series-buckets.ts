// Pure: the buckets of GET /reports/series — a range cut into equal buckets counted from `from`
// (the last one may end early, at `to`), bounded so one answer stays small.
import type { ReportRange } from '../summary/report-range.js';

/** At most a day of minutes in one answer. */
export const MAX_SERIES_BUCKETS = 1_440;

export type BucketsResult = { ok: true; count: number } | { ok: false; path: '/bucketSeconds'; message: string };

export function seriesBuckets(range: ReportRange, bucketSeconds: number): BucketsResult {
  const count = Math.ceil((range.to.getTime() - range.from.getTime()) / (bucketSeconds * 1_000));
  if (count > MAX_SERIES_BUCKETS) {
    return { ok: false, path: '/bucketSeconds', message: `the range makes ${count} buckets of ${bucketSeconds} s; at most ${MAX_SERIES_BUCKETS} (a longer bucket or a shorter range)` };
  }
  return { ok: true, count };
}

/** Sums of one bucket; a bucket without rows is all zero. */
export interface BucketSums {
  calls: bigint;
  billedSeconds: bigint;
  revenueMicros: bigint;
  deposits: bigint;
  depositMicros: bigint;
}

export const EMPTY_BUCKET: BucketSums = Object.freeze({ calls: 0n, billedSeconds: 0n, revenueMicros: 0n, deposits: 0n, depositMicros: 0n });
