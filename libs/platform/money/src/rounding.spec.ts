import fc from 'fast-check';
import { MoneyFormatError } from './money-format-error.js';
import { ceilDiv, floorDiv, parseRoundingMode, roundDiv, type RoundingMode } from './rounding.js';
import { anyMode } from './testing/arbitraries.js';

const anyInt = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((b) => b !== 0n);

describe('parseRoundingMode', () => {
  it.each(['up', 'half-up', 'down'])('accepts %p', (mode) => {
    expect(parseRoundingMode(mode)).toBe(mode);
  });

  it.each<[unknown, string]>([
    ['UP', 'mode must be one of "up", "half-up", "down", got "UP"'],
    ['half_up', 'mode must be one of "up", "half-up", "down", got "half_up"'],
    ['nearest', 'mode must be one of "up", "half-up", "down", got "nearest"'],
    [' up', 'mode must be one of "up", "half-up", "down", got " up"'],
    [1, 'mode must be one of "up", "half-up", "down", got number 1'],
    [undefined, 'mode must be one of "up", "half-up", "down", got undefined'],
  ])('refuses %p', (input, message) => {
    expect(() => parseRoundingMode(input)).toThrow(new MoneyFormatError(message.replace(/^mode /, ''), 'mode'));
    expect(() => parseRoundingMode(input, 'rounding.mode')).toThrow(message.replace(/^mode/, 'rounding.mode'));
  });
});

describe('floorDiv and ceilDiv handle every sign', () => {
  it.each<[bigint, bigint, bigint, bigint]>([
    // a, b, floor, ceil
    [7n, 2n, 3n, 4n],
    [-7n, 2n, -4n, -3n],
    [7n, -2n, -4n, -3n],
    [-7n, -2n, 3n, 4n],
    [6n, 2n, 3n, 3n],
    [-6n, 2n, -3n, -3n],
    [0n, 5n, 0n, 0n],
    [0n, -5n, 0n, 0n],
    [1n, 3n, 0n, 1n],
    [-1n, 3n, -1n, 0n],
  ])('%s / %s → floor %s, ceil %s', (a, b, floor, ceil) => {
    expect(floorDiv(a, b)).toBe(floor);
    expect(ceilDiv(a, b)).toBe(ceil);
  });

  it('refuse a zero divisor', () => {
    expect(() => floorDiv(1n, 0n)).toThrow(new RangeError('division by zero'));
    expect(() => ceilDiv(1n, 0n)).toThrow('division by zero');
    expect(() => roundDiv(1n, 0n, 'up')).toThrow('division by zero');
  });

  it('floor(a/b) <= a/b < floor(a/b) + 1, and ceil(a/b) = -floor(-a/b)', () => {
    fc.assert(
      fc.property(anyInt, nonZero, (a, b) => {
        const q = floorDiv(a, b);
        // Compare q <= a/b < q+1 without dividing: multiply through by b, flipping when b < 0.
        const [lo, hi] = b > 0n ? [q * b, (q + 1n) * b] : [(q + 1n) * b, q * b];
        expect(b > 0n ? lo <= a && a < hi : lo < a && a <= hi).toBe(true);
        expect(ceilDiv(a, b)).toBe(-floorDiv(-a, b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('roundDiv: up = away from zero, down = toward zero, half-up = nearest, ties away from zero', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [101n, 10n, 'up', 11n],
    [-101n, 10n, 'up', -11n],
    [109n, 10n, 'down', 10n],
    [-109n, 10n, 'down', -10n],
    [105n, 10n, 'half-up', 11n],
    [-105n, 10n, 'half-up', -11n],
    [104n, 10n, 'half-up', 10n],
    [-104n, 10n, 'half-up', -10n],
    [106n, 10n, 'half-up', 11n],
    [105n, -10n, 'half-up', -11n],
    [-105n, -10n, 'half-up', 11n],
    [110n, 10n, 'up', 11n],
    [110n, 10n, 'down', 11n],
    [0n, 10n, 'up', 0n],
    [1n, 3n, 'half-up', 0n],
    [2n, 3n, 'half-up', 1n],
  ])('%s / %s, %s → %s', (a, b, mode, result) => {
    expect(roundDiv(a, b, mode)).toBe(result);
  });

  it('up and down are ceil/floor on the magnitude; down <= exact <= up in magnitude', () => {
    fc.assert(
      fc.property(anyInt, nonZero, (a, b) => {
        const positive = a < 0n === b < 0n;
        expect(roundDiv(a, b, 'up')).toBe(positive ? ceilDiv(a, b) : floorDiv(a, b));
        expect(roundDiv(a, b, 'down')).toBe(positive ? floorDiv(a, b) : ceilDiv(a, b));
        expect(roundDiv(a, b, 'down')).toBe(a / b); // bigint division truncates toward zero
      }),
      { numRuns: 1000 },
    );
  });

  it('half-up is within half a unit, and takes the larger magnitude on a tie', () => {
    fc.assert(
      fc.property(anyInt, nonZero, (a, b) => {
        const q = roundDiv(a, b, 'half-up');
        const error = q * b - a; // b × (q − a/b)
        const absB = b < 0n ? -b : b;
        const absError = error < 0n ? -error : error;
        expect(2n * absError <= absB).toBe(true);
        if (2n * absError === absB) expect(q < 0n ? -q : q).toBe(roundDiv(a < 0n ? -a : a, absB, 'up'));
      }),
      { numRuns: 1000 },
    );
  });

  it('is symmetric around zero: round(-x) = -round(x)', () => {
    fc.assert(
      fc.property(anyInt, nonZero, anyMode, (a, b, mode) => {
        expect(roundDiv(-a, b, mode)).toBe(-roundDiv(a, b, mode));
      }),
      { numRuns: 1000 },
    );
  });
});
