// Rounding an amount that is already in micro-units to fewer decimals (e.g. a sheet's 4).
import { assertDigits, assertMicros } from './assert-micros.js';
import { MONEY_FRACTION_DIGITS } from './constants.js';
import { roundDiv, type RoundingMode } from './rounding.js';

/** Rounds `micros` to `decimals` (0..6) fraction digits; the result is still in micro-units. */
export function roundMicros(micros: bigint, decimals: number, mode: RoundingMode): bigint {
  assertMicros(micros);
  assertDigits(decimals, MONEY_FRACTION_DIGITS, 'decimals');
  const step = 10n ** BigInt(MONEY_FRACTION_DIGITS - decimals);
  const rounded = roundDiv(micros, step, mode) * step;
  assertMicros(rounded);
  return rounded;
}
