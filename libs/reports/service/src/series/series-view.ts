// Pure: SeriesQueries' sums → the JSON of GET /reports/series, one entry per bucket (empty ones
// as zeros: a gap is "nothing happened", not a missing point). Money as decimal strings.
import { formatMoney } from '@billing/money';
import { minutesOf } from '../summary/traffic-figures.js';
import type { ReportRange } from '../summary/report-range.js';
import { EMPTY_BUCKET } from './series-buckets.js';
import type { SeriesData } from './series.queries.js';

export interface SeriesBucketView {
  /** the bucket's start (ISO 8601, UTC). */
  start: string;
  /** rated calls that started in the bucket. */
  calls: number;
  billedSeconds: number;
  billedMinutes: string;
  revenue: string;
  deposits: { count: number; amount: string };
}

export interface SeriesView {
  from: string;
  to: string;
  bucketSeconds: number;
  asOf: string;
  /** the live feed's `position` the figures count up to: a client adds the live items after it. */
  position: number;
  buckets: SeriesBucketView[];
}

export function seriesView(data: SeriesData, range: ReportRange, bucketSeconds: number, count: number): SeriesView {
  const buckets: SeriesBucketView[] = [];
  for (let index = 0; index < count; index += 1) {
    const sums = data.buckets.get(index) ?? EMPTY_BUCKET;
    buckets.push({
      start: new Date(range.from.getTime() + index * bucketSeconds * 1_000).toISOString(),
      calls: safe(sums.calls),
      billedSeconds: safe(sums.billedSeconds),
      billedMinutes: minutesOf(sums.billedSeconds),
      revenue: formatMoney(sums.revenueMicros),
      deposits: { count: safe(sums.deposits), amount: formatMoney(sums.depositMicros) },
    });
  }
  return { from: range.from.toISOString(), to: range.to.toISOString(), bucketSeconds, asOf: data.asOf.toISOString(), position: data.position, buckets };
}

function safe(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`count ${value} is beyond JSON's exact integers`);
  return n;
}
