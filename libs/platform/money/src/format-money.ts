// Code → wire and display. The wire form is canonical so equal amounts are equal strings.
import { assertDigits, assertMicros } from './assert-micros.js';
import { MONEY_FRACTION_DIGITS } from './constants.js';
import { formatDecimalMicros, splitMicros } from './decimal.js';

/** Canonical wire form: `12_500_000n → "12.5"`, `8_500n → "0.0085"`, `0n → "0"`, `-1n → "-0.000001"`. */
export function formatMoney(micros: bigint): string {
  assertMicros(micros);
  return formatDecimalMicros(micros);
}

/**
 * Display form with exactly `fractionDigits` digits (`formatMoneyFixed(12_500_000n, 2) → "12.50"`).
 * Refuses (RangeError) to drop non-zero digits: rounding is a business decision, so round first
 * with roundMicros and the right mode.
 */
export function formatMoneyFixed(micros: bigint, fractionDigits: number): string {
  assertMicros(micros);
  assertDigits(fractionDigits, MONEY_FRACTION_DIGITS, 'fractionDigits');
  const { sign, integer, fraction } = splitMicros(micros);
  const kept = fraction.slice(0, fractionDigits);
  if (/[1-9]/.test(fraction.slice(fractionDigits))) {
    throw new RangeError(`formatMoneyFixed: ${formatDecimalMicros(micros)} has more than ${fractionDigits} decimal places; round it first`);
  }
  return kept === '' ? `${sign}${integer}` : `${sign}${integer}.${kept}`;
}
