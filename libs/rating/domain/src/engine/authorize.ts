// Authorization arithmetic (docs/rating.md): the hold requested is the cost of the longest call allowed
// (`maxCallSeconds`); wallet grants what `balance − holds` allows; rating turns the granted amount
// back into the longest duration whose rated cost still fits, which is always the end of a whole
// block (cost is constant within a block, so the largest affordable second is a block's last).
import { invariant } from '@billing/decider';
import { MAX_CALL_SECONDS } from '../shared/limits.js';
import { isWholeIn, type RateRow, type SheetRounding } from '../sheet/rate-row.js';
import { rateCall } from './rate-call.js';

/** The cost of a call of `seconds` (the hold to request for `maxCallSeconds`). */
export function costForDuration(row: RateRow, rounding: SheetRounding, seconds: number): bigint {
  return rateCall(row, rounding, seconds).costMicros;
}

/**
 * The largest duration d ≤ maxCallSeconds with cost(d) ≤ grantedMicros; 0 when not even one
 * second is affordable (refuse the call). Binary search on d: cost never decreases as d grows
 * (tested as a property), so ~17 ratings for a one-day cap.
 */
export function maxDurationForAmount(row: RateRow, rounding: SheetRounding, grantedMicros: bigint, maxCallSeconds: number): number {
  invariant(grantedMicros >= 0n, 'granted amount must not be negative');
  invariant(isWholeIn(maxCallSeconds, 0, MAX_CALL_SECONDS), `maxCallSeconds must be 0..${MAX_CALL_SECONDS}, got ${maxCallSeconds}`);
  const fits = (seconds: number) => costForDuration(row, rounding, seconds) <= grantedMicros;
  if (fits(maxCallSeconds)) return maxCallSeconds;
  // invariant of the search: fits(low) (cost(0) = 0) and !fits(high)
  let low = 0;
  let high = maxCallSeconds;
  const maxSteps = Math.ceil(Math.log2(MAX_CALL_SECONDS + 1)) + 1;
  for (let step = 0; high - low > 1; step += 1) {
    invariant(step < maxSteps, 'maxDurationForAmount: search did not converge');
    const middle = low + Math.floor((high - low) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}
