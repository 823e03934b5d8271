// fast-check generators shared by this library's property tests (not exported: fast-check is dev-only).
import fc from 'fast-check';
import { MAX_MONEY_MICROS, MONEY_FRACTION_DIGITS } from '../constants.js';
import { rational, type Rational } from '../rational.js';
import { ROUNDING_MODES, type RoundingMode } from '../rounding.js';

/** Every representable amount, biased towards small values and edges by fast-check. */
export const anyMicros = fc.bigInt({ min: -MAX_MONEY_MICROS, max: MAX_MONEY_MICROS });

/** Amounts a real ledger sees (|x| <= 10^9 units), so products stay in range. */
export const everydayMicros = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

export const anyMode: fc.Arbitrary<RoundingMode> = fc.constantFrom(...ROUNDING_MODES);

export const anyDecimals = fc.integer({ min: 0, max: MONEY_FRACTION_DIGITS });

export const anyRational: fc.Arbitrary<Rational> = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([num, den]) => rational(num, den));

/** Any string the grammar accepts: optional `-`, no leading zeros, 1..6 fraction digits (maybe trailing zeros). */
export const validDecimalString: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,17}$/)),
    fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
  )
  .map(([negative, integer, fraction]) => `${negative ? '-' : ''}${integer}${fraction === undefined ? '' : `.${fraction}`}`);
