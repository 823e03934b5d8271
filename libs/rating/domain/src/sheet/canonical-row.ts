// One text form per rate row, independent of how the deck spelled it (CSV or JSON, "0.10" or
// "0.1", column order): the service hashes these lines, in import order, into the version's
// content hash, so re-importing the same deck in another format yields the same hash.
import { formatMoney } from '@billing/money';
import type { RateRow, SheetRounding } from './rate-row.js';

/** `prefix|destination|connectFee|minimumSeconds|start:rate:increment;…` (destination JSON-quoted: it may contain `|`). */
export function canonicalRowLine(row: RateRow): string {
  const intervals = row.intervals.map((interval) => `${interval.startSecond}:${formatMoney(interval.ratePerMinuteMicros)}:${interval.incrementSeconds}`).join(';');
  return `${row.prefix}|${JSON.stringify(row.destination)}|${formatMoney(row.connectFeeMicros)}|${row.minimumSeconds}|${intervals}`;
}

/** The first line hashed: the rounding is part of what a version charges. */
export function canonicalRoundingLine(rounding: SheetRounding): string {
  return `rounding|${rounding.decimals}|${rounding.mode}`;
}
