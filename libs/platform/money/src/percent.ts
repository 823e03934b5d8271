// Percentages (commissions, markups) are decimal strings on the wire (`"12.5"` = 12.5 %) and
// micro-percent in code (12_500_000n): the same 6-digit fixed point as money, one grammar.
import { assertMicros } from './assert-micros.js';
import { parseDecimalMicros, formatDecimalMicros } from './decimal.js';
import { describeInput, MoneyFormatError } from './money-format-error.js';
import { roundDiv, type RoundingMode } from './rounding.js';

/** 100 % in micro-percent. */
export const HUNDRED_PERCENT = 100_000_000n;

export type PercentBounds = { min?: bigint; max?: bigint };

/** `"12.5"` → 12_500_000n micro-percent, within [min, max] (default 0 %..100 %; markups may pass a larger max). */
export function parsePercent(input: unknown, field = 'percent', { min = 0n, max = HUNDRED_PERCENT }: PercentBounds = {}): bigint {
  if (min > max) throw new RangeError(`parsePercent: min ${min} is above max ${max}`);
  const microPercent = parseDecimalMicros(input, field);
  if (microPercent < min || microPercent > max) {
    throw new MoneyFormatError(`must be between ${formatPercent(min)} and ${formatPercent(max)}, got ${describeInput(input)}`, field);
  }
  return microPercent;
}

/** Canonical wire form, as formatMoney: 12_500_000n → `"12.5"`. */
export function formatPercent(microPercent: bigint): string {
  assertMicros(microPercent, 'percent');
  return formatDecimalMicros(microPercent);
}

/** amount × percent / 100, rounded to whole micro-units with `mode` (commissions, markups). */
export function percentOf(amountMicros: bigint, microPercent: bigint, mode: RoundingMode): bigint {
  assertMicros(amountMicros);
  assertMicros(microPercent, 'percent');
  // micros × micro-percent / 100 % is already in micros: one exact product, one rounding.
  const result = roundDiv(amountMicros * microPercent, HUNDRED_PERCENT, mode);
  assertMicros(result);
  return result;
}
