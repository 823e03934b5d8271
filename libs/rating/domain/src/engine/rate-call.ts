// The rating engine (docs/rating.md), the one definition of what a call costs:
//   billsec 0 → 0, no connect fee;
//   b = max(billsec, minimumSeconds);
//   walk the intervals in blocks of their increment: a block belongs to the interval in which it
//   STARTS and is billed whole at that interval's rate, even if it runs past the next interval's
//   start; the next interval then begins where that block ended (it is never cut short);
//   exact = connectFee + Σ billedSeconds_i × ratePerMinute_i / 60, as an exact rational;
//   cost = round(exact, decimals, mode), once.
// docs/rating.md has worked examples of every clause.
import { invariant } from '@billing/decider';
import { MICROS_PER_UNIT, RATIONAL_ZERO, rational, roundRationalToMicros, type Rational } from '@billing/money';
import { MAX_BILLSEC_SECONDS } from '../shared/limits.js';
import { assertRateRow, assertRounding, isWholeIn, type RateInterval, type RateRow, type SheetRounding } from '../sheet/rate-row.js';

export interface CallCost {
  /** the cost rounded once with the sheet's rule, in micro-units. */
  readonly costMicros: bigint;
  /** seconds billed: b rounded up to whole blocks (0 when billsec is 0). */
  readonly billedSeconds: number;
  /** the cost before rounding, in currency units. */
  readonly exact: Rational;
}

const SECONDS_PER_MINUTE = 60n;

export function rateCall(row: RateRow, rounding: SheetRounding, billsecSeconds: number): CallCost {
  assertRateRow(row);
  assertRounding(rounding);
  invariant(isWholeIn(billsecSeconds, 0, MAX_BILLSEC_SECONDS), `billsec must be 0..${MAX_BILLSEC_SECONDS} whole seconds, got ${billsecSeconds}`);
  // An unanswered or zero-length call costs nothing: the minimum and the connect fee apply only to a call that talked.
  if (billsecSeconds === 0) return { costMicros: 0n, billedSeconds: 0, exact: RATIONAL_ZERO };

  const billedByInterval = billedSecondsByInterval(row.intervals, Math.max(billsecSeconds, row.minimumSeconds));
  // Sum in micro-unit·seconds per minute: connectFee·60 + Σ seconds·rate, over 60·10^6, one division at the end.
  let numerator = row.connectFeeMicros * SECONDS_PER_MINUTE;
  let billedSeconds = 0;
  for (const [index, seconds] of billedByInterval.entries()) {
    numerator += BigInt(seconds) * intervalAt(row.intervals, index).ratePerMinuteMicros;
    billedSeconds += seconds;
  }
  const exact = rational(numerator, SECONDS_PER_MINUTE * MICROS_PER_UNIT);
  return { costMicros: roundRationalToMicros(exact, rounding.decimals, rounding.mode), billedSeconds, exact };
}

/**
 * Seconds billed in each interval for a call of `b` seconds (b ≥ 1, the minimum already applied).
 * Blocks start at t = 0 and follow one another; a block belongs to the interval its start falls in.
 * Closed form per interval (no per-block loop): the blocks starting in [t, min(b, nextStart)) are
 * ceil((min(b, nextStart) − t) / increment). An interval whose whole span was covered by the
 * previous interval's last block bills nothing.
 */
export function billedSecondsByInterval(intervals: readonly RateInterval[], b: number): number[] {
  invariant(Number.isSafeInteger(b) && b >= 1, `billed duration must be a positive whole number of seconds, got ${b}`);
  const billed: number[] = [];
  let t = 0; // end of the last billed block
  for (const [index, interval] of intervals.entries()) {
    const next = intervals[index + 1];
    const limit = next === undefined ? b : Math.min(b, next.startSecond);
    if (t >= limit) {
      billed.push(0);
      continue;
    }
    // t < limit means this interval has started: blocks never begin before their interval's start.
    invariant(t >= interval.startSecond, 'a block started before its interval');
    const blocks = Math.ceil((limit - t) / interval.incrementSeconds);
    billed.push(blocks * interval.incrementSeconds);
    t += blocks * interval.incrementSeconds;
  }
  invariant(t >= b && t - b < maxIncrement(intervals), `billed ${t} s for ${b} s: more than one block over`);
  return billed;
}

function intervalAt(intervals: readonly RateInterval[], index: number): RateInterval {
  const interval = intervals[index];
  invariant(interval !== undefined, `no interval ${index}`);
  return interval;
}

function maxIncrement(intervals: readonly RateInterval[]): number {
  return intervals.reduce((max, interval) => Math.max(max, interval.incrementSeconds), 0);
}
