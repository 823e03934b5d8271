// Exact rationals for rating (docs/rating.md): a call's cost is summed exactly and rounded once, so
// the result never depends on how the sum was split into intervals or increments.
import { assertDigits, assertMicros } from './assert-micros.js';
import { MICROS_PER_UNIT, MONEY_FRACTION_DIGITS } from './constants.js';
import { roundDiv, type RoundingMode } from './rounding.js';

/** num/den in lowest terms with den > 0, so equal values are structurally equal (toEqual works). */
export type Rational = { readonly num: bigint; readonly den: bigint };

export const RATIONAL_ZERO: Rational = Object.freeze({ num: 0n, den: 1n });

/** Greatest common divisor, always >= 0; gcd(0, 0) = 0. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The normalised rational num/den; den must not be 0. */
export function rational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: denominator is zero');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den); // > 0 because den != 0
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** A micro amount as the exact number of currency units (`12_500_000n → 25/2`). */
export function fromMicros(micros: bigint): Rational {
  assertMicros(micros);
  return rational(micros, MICROS_PER_UNIT);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, checked(a).den * checked(b).den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, checked(a).den * checked(b).den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, checked(a).den * checked(b).den);
}

export function mulInt(r: Rational, n: bigint): Rational {
  return rational(r.num * n, checked(r).den);
}

/** r / n; n must not be 0. */
export function divInt(r: Rational, n: bigint): Rational {
  return rational(r.num, checked(r).den * n);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  // Cross-multiplying keeps the order only because both denominators are positive.
  const left = a.num * checked(b).den;
  const right = b.num * checked(a).den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds the exact value ONCE to `decimals` (0..6) fraction digits with `mode` and returns
 * micro-units: 61/600 (0.101666…), 4 decimals, up → 101_700n.
 */
export function roundRationalToMicros(r: Rational, decimals: number, mode: RoundingMode): bigint {
  checked(r);
  assertDigits(decimals, MONEY_FRACTION_DIGITS, 'decimals');
  const units = roundDiv(r.num * 10n ** BigInt(decimals), r.den, mode);
  const micros = units * 10n ** BigInt(MONEY_FRACTION_DIGITS - decimals);
  assertMicros(micros);
  return micros;
}

/** Guards against a hand-built `{ num, den }` that skipped rational(): den <= 0 breaks compare. */
function checked(r: Rational): Rational {
  if (typeof r.num !== 'bigint' || typeof r.den !== 'bigint' || r.den <= 0n) {
    throw new RangeError(`not a rational with a positive bigint denominator: ${String(r.num)}/${String(r.den)}`);
  }
  return r;
}
