import fc from 'fast-check';
import { MoneyFormatError } from './money-format-error.js';
import { formatPercent, HUNDRED_PERCENT, parsePercent, percentOf } from './percent.js';
import type { RoundingMode } from './rounding.js';
import { anyMode, everydayMicros } from './testing/arbitraries.js';

const anyPercent = fc.bigInt({ min: 0n, max: 10n * HUNDRED_PERCENT });

describe('parsePercent: a decimal string held as micro-percent', () => {
  it.each([
    ['12.5', 12_500_000n],
    ['0', 0n],
    ['100', 100_000_000n],
    ['0.000001', 1n],
    ['33.333333', 33_333_333n],
    ['-0', 0n],
  ])('%p → %s micro-percent', (input, microPercent) => {
    expect(parsePercent(input)).toBe(microPercent);
  });

  it.each<[unknown, string]>([
    [12.5, 'percent must be a decimal string like "12.50", got number 12.5'],
    ['12.5%', 'percent must be a decimal string like "12.50", got "12.5%"'],
    ['0.1234567', 'percent must have at most 6 decimal places, got "0.1234567"'],
    ['100.000001', 'percent must be between 0 and 100, got "100.000001"'],
    ['-1', 'percent must be between 0 and 100, got "-1"'],
  ])('refuses %p', (input, message) => {
    expect(() => parsePercent(input)).toThrow(MoneyFormatError);
    expect(() => parsePercent(input)).toThrow(message);
  });

  it('takes a field name and bounds (a markup may exceed 100 %)', () => {
    expect(parsePercent('150', 'markup', { max: 1_000n * HUNDRED_PERCENT })).toBe(150_000_000n);
    expect(() => parsePercent('0.5', 'commission', { min: 1_000_000n, max: 50_000_000n })).toThrow(
      new MoneyFormatError('must be between 1 and 50, got "0.5"', 'commission'),
    );
    expect(() => parsePercent('1', 'p', { min: 2n, max: 1n })).toThrow(new RangeError('parsePercent: min 2 is above max 1'));
  });

  it('formats canonically and round-trips', () => {
    expect(formatPercent(12_500_000n)).toBe('12.5');
    expect(formatPercent(100_000_000n)).toBe('100');
    expect(formatPercent(1n)).toBe('0.000001');
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: HUNDRED_PERCENT }), (p) => parsePercent(formatPercent(p)) === p));
  });
});

describe('percentOf: amount × percent / 100, rounded to whole micros', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [10_000_000n, 12_500_000n, 'up', 1_250_000n], // 12.5 % of 10 = 1.25
    [1n, 50_000_000n, 'up', 1n], // 50 % of 0.000001 = 0.0000005
    [1n, 50_000_000n, 'half-up', 1n],
    [1n, 50_000_000n, 'down', 0n],
    [1n, 49_999_999n, 'half-up', 0n],
    [-1n, 50_000_000n, 'up', -1n],
    [-1n, 50_000_000n, 'down', 0n],
    [3_333_333n, 33_333_333n, 'down', 1_111_110n], // 3.333333 × 0.33333333 = 1.1111109888…
    [3_333_333n, 33_333_333n, 'up', 1_111_111n],
    [0n, 12_500_000n, 'up', 0n],
    [7_000_000n, HUNDRED_PERCENT, 'down', 7_000_000n],
    [200_000n, 150_000_000n, 'up', 300_000n], // a 150 % markup part
  ])('%s micros × %s micro-percent, %s → %s', (amount, percent, mode, result) => {
    expect(percentOf(amount, percent, mode)).toBe(result);
  });

  it('0 % is nothing and 100 % is everything', () => {
    fc.assert(
      fc.property(everydayMicros, anyMode, (amount, mode) => {
        expect(percentOf(amount, 0n, mode)).toBe(0n);
        expect(percentOf(amount, HUNDRED_PERCENT, mode)).toBe(amount);
      }),
    );
  });

  it('is monotone in the amount', () => {
    fc.assert(
      fc.property(everydayMicros, everydayMicros, anyPercent, anyMode, (a, b, percent, mode) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(percentOf(low, percent, mode) <= percentOf(high, percent, mode)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('down <= exact <= up (for a non-negative amount), less than one micro apart', () => {
    fc.assert(
      fc.property(everydayMicros.filter((a) => a >= 0n), anyPercent, (amount, percent) => {
        const exactTimes100 = amount * percent; // exact result × HUNDRED_PERCENT
        const down = percentOf(amount, percent, 'down');
        const up = percentOf(amount, percent, 'up');
        expect(down * HUNDRED_PERCENT <= exactTimes100 && exactTimes100 <= up * HUNDRED_PERCENT).toBe(true);
        expect(up - down <= 1n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
