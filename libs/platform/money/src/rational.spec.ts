import fc from 'fast-check';
import { add, compare, divInt, fromMicros, gcd, mul, mulInt, rational, RATIONAL_ZERO, roundRationalToMicros, sub, type Rational } from './rational.js';
import { roundMicros } from './round-micros.js';
import type { RoundingMode } from './rounding.js';
import { anyDecimals, anyMode, anyRational, everydayMicros } from './testing/arbitraries.js';

const isNormalised = (r: Rational): boolean => r.den > 0n && gcd(r.num, r.den) === 1n;
const smallInt = fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n });

describe('gcd', () => {
  it.each<[bigint, bigint, bigint]>([
    [12n, 18n, 6n],
    [-12n, 18n, 6n],
    [12n, -18n, 6n],
    [0n, 5n, 5n],
    [5n, 0n, 5n],
    [0n, 0n, 0n],
    [17n, 13n, 1n],
  ])('gcd(%s, %s) = %s', (a, b, result) => {
    expect(gcd(a, b)).toBe(result);
  });
});

describe('rational: normalised, den > 0, so equal values are equal objects', () => {
  it.each<[bigint, bigint, Rational]>([
    [2n, 4n, { num: 1n, den: 2n }],
    [-2n, 4n, { num: -1n, den: 2n }],
    [2n, -4n, { num: -1n, den: 2n }],
    [-2n, -4n, { num: 1n, den: 2n }],
    [0n, -7n, { num: 0n, den: 1n }],
    [6n, 3n, { num: 2n, den: 1n }],
  ])('%s/%s → %o', (num, den, result) => {
    expect(rational(num, den)).toEqual(result);
  });

  it('defaults to an integer and refuses a zero denominator', () => {
    expect(rational(5n)).toEqual({ num: 5n, den: 1n });
    expect(() => rational(1n, 0n)).toThrow(new RangeError('rational: denominator is zero'));
    expect(() => divInt(rational(1n), 0n)).toThrow('rational: denominator is zero');
  });

  it('fromMicros is the amount in currency units', () => {
    expect(fromMicros(12_500_000n)).toEqual({ num: 25n, den: 2n });
    expect(fromMicros(100_000n)).toEqual({ num: 1n, den: 10n });
    expect(fromMicros(0n)).toEqual(RATIONAL_ZERO);
  });

  it('refuses a hand-built value that skipped rational()', () => {
    const broken = { num: 1n, den: -2n };
    expect(() => add(broken, RATIONAL_ZERO)).toThrow('not a rational with a positive bigint denominator: 1/-2');
    expect(() => compare(RATIONAL_ZERO, { num: 1n, den: 0n })).toThrow(RangeError);
  });

  it('add, sub, mul, mulInt, divInt, compare on examples', () => {
    const third = rational(1n, 3n);
    const sixth = rational(1n, 6n);
    expect(add(third, sixth)).toEqual(rational(1n, 2n));
    expect(sub(sixth, third)).toEqual(rational(-1n, 6n));
    expect(mul(third, rational(3n, 4n))).toEqual(rational(1n, 4n));
    expect(mulInt(sixth, 3n)).toEqual(rational(1n, 2n));
    expect(divInt(third, -2n)).toEqual(rational(-1n, 6n));
    expect(compare(third, sixth)).toBe(1);
    expect(compare(sixth, third)).toBe(-1);
    expect(compare(rational(2n, 6n), third)).toBe(0);
    expect(compare(rational(-1n, 2n), rational(1n, 3n))).toBe(-1);
  });
});

describe('rational properties', () => {
  it('every result is normalised', () => {
    fc.assert(
      fc.property(anyRational, anyRational, smallInt.filter((n) => n !== 0n), (a, b, n) => {
        for (const r of [add(a, b), sub(a, b), mul(a, b), mulInt(a, n), divInt(a, n)]) expect(isNormalised(r)).toBe(true);
      }),
    );
  });

  it('add and mul are associative and commutative; mul distributes over add', () => {
    fc.assert(
      fc.property(anyRational, anyRational, anyRational, (a, b, c) => {
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(mul(mul(a, b), c)).toEqual(mul(a, mul(b, c)));
        expect(add(a, b)).toEqual(add(b, a));
        expect(mul(a, b)).toEqual(mul(b, a));
        expect(mul(a, add(b, c))).toEqual(add(mul(a, b), mul(a, c)));
      }),
    );
  });

  it('sub undoes add, divInt undoes mulInt, zero is neutral', () => {
    fc.assert(
      fc.property(anyRational, anyRational, smallInt.filter((n) => n !== 0n), (a, b, n) => {
        expect(sub(add(a, b), b)).toEqual(a);
        expect(sub(a, a)).toEqual(RATIONAL_ZERO);
        expect(add(a, RATIONAL_ZERO)).toEqual(a);
        expect(divInt(mulInt(a, n), n)).toEqual(a);
      }),
    );
  });

  it('compare is the sign of the difference', () => {
    fc.assert(
      fc.property(anyRational, anyRational, (a, b) => {
        const difference = sub(a, b).num;
        expect(compare(a, b)).toBe(difference < 0n ? -1 : difference > 0n ? 1 : 0);
        expect(compare(b, a)).toBe(-compare(a, b) || 0);
      }),
    );
  });
});

describe('roundRationalToMicros rounds the exact value once', () => {
  it.each<[Rational, number, RoundingMode, bigint]>([
    [rational(61n, 600n), 4, 'up', 101_700n], // 0.101666…
    [rational(61n, 600n), 4, 'half-up', 101_700n],
    [rational(61n, 600n), 4, 'down', 101_600n],
    [rational(61n, 600n), 6, 'up', 101_667n],
    [rational(61n, 600n), 6, 'down', 101_666n],
    [rational(-61n, 600n), 4, 'up', -101_700n],
    [rational(-61n, 600n), 4, 'down', -101_600n],
    [rational(1n, 3n), 0, 'up', 1_000_000n],
    [rational(1n, 2n), 0, 'half-up', 1_000_000n],
    [rational(-1n, 2n), 0, 'half-up', -1_000_000n],
    [rational(1n, 20_000n), 4, 'half-up', 100n], // 0.00005 is a tie at 4 decimals
    [rational(1n, 5n), 4, 'up', 200_000n],
  ])('%o to %s decimals, %s → %s micros', (r, decimals, mode, micros) => {
    expect(roundRationalToMicros(r, decimals, mode)).toBe(micros);
  });

  it('refuses decimals outside 0..6 and results out of range', () => {
    expect(() => roundRationalToMicros(rational(1n, 3n), 7, 'up')).toThrow('decimals must be an integer from 0 to 6, got 7');
    expect(() => roundRationalToMicros(rational(10n ** 19n), 0, 'up')).toThrow('money is out of range');
  });

  it('agrees with roundMicros on rationals that are whole micros', () => {
    fc.assert(
      fc.property(everydayMicros, anyDecimals, anyMode, (micros, decimals, mode) => {
        expect(roundRationalToMicros(fromMicros(micros), decimals, mode)).toBe(roundMicros(micros, decimals, mode));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays within one step of the exact value, in the direction of its mode', () => {
    fc.assert(
      fc.property(anyRational, anyDecimals, (r, decimals) => {
        const step = rational(1n, 10n ** BigInt(decimals));
        const up = fromMicros(roundRationalToMicros(r, decimals, 'up'));
        const down = fromMicros(roundRationalToMicros(r, decimals, 'down'));
        const [low, high] = r.num >= 0n ? [down, up] : [up, down];
        expect(compare(low, r) <= 0 && compare(r, high) <= 0).toBe(true);
        expect(compare(sub(high, low), step) <= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
