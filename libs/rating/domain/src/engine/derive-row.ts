// Derived sheets (docs/rating.md): base × (1 + markup) for every rate and connect fee, rounded UP to
// whole micro-units so the reseller's price is never below base + markup. Prefixes, names,
// minimums, interval starts and increments are the base's: a derived row is rated exactly like
// its base row, only dearer.
import { invariant } from '@billing/decider';
import { HUNDRED_PERCENT, percentOf } from '@billing/money';
import { MAX_MARKUP_MICRO_PERCENT } from '../shared/limits.js';
import type { RateRow } from '../sheet/rate-row.js';

export function deriveRow(baseRow: RateRow, markupMicroPercent: bigint): RateRow {
  invariant(markupMicroPercent >= 0n && markupMicroPercent <= MAX_MARKUP_MICRO_PERCENT, `markup out of range: ${markupMicroPercent}`);
  const factor = HUNDRED_PERCENT + markupMicroPercent;
  const marked = (micros: bigint) => percentOf(micros, factor, 'up');
  return {
    prefix: baseRow.prefix,
    destination: baseRow.destination,
    connectFeeMicros: marked(baseRow.connectFeeMicros),
    minimumSeconds: baseRow.minimumSeconds,
    intervals: baseRow.intervals.map((interval) => ({ ...interval, ratePerMinuteMicros: marked(interval.ratePerMinuteMicros) })),
  };
}
