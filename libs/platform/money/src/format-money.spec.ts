import fc from 'fast-check';
import { MAX_MONEY_MICROS } from './constants.js';
import { formatMoney, formatMoneyFixed } from './format-money.js';
import { parseMoney } from './parse-money.js';
import { anyDecimals, anyMicros } from './testing/arbitraries.js';

describe('formatMoney: the canonical wire form', () => {
  it.each([
    [12_500_000n, '12.5'],
    [8_500n, '0.0085'],
    [3_000_000n, '3'],
    [-1n, '-0.000001'],
    [0n, '0'],
    [1n, '0.000001'],
    [-12_345_678n, '-12.345678'],
    [100_000n, '0.1'],
    [MAX_MONEY_MICROS, '999999999999999999.999999'],
    [-MAX_MONEY_MICROS, '-999999999999999999.999999'],
  ])('%s micros → %p', (micros, text) => {
    expect(formatMoney(micros)).toBe(text);
  });

  it('refuses a number (a float slipped into money) and an overflow, as bugs', () => {
    expect(() => formatMoney(12.5 as unknown as bigint)).toThrow(new TypeError('money must be a bigint of micro-units, got number'));
    expect(() => formatMoney(MAX_MONEY_MICROS + 1n)).toThrow(RangeError);
    expect(() => formatMoney(-MAX_MONEY_MICROS - 1n)).toThrow('money is out of range (more than 18 integer digits)');
  });
});

describe('formatMoneyFixed: display with a fixed number of decimals', () => {
  it.each<[bigint, number, string]>([
    [12_500_000n, 2, '12.50'],
    [12_500_000n, 1, '12.5'],
    [3_000_000n, 0, '3'],
    [3_000_000n, 6, '3.000000'],
    [0n, 2, '0.00'],
    [8_500n, 4, '0.0085'],
    [8_500n, 6, '0.008500'],
    [-1_500_000n, 2, '-1.50'],
    [-1n, 6, '-0.000001'],
  ])('%s micros, %s digits → %p', (micros, digits, text) => {
    expect(formatMoneyFixed(micros, digits)).toBe(text);
  });

  it('refuses to drop non-zero digits: round first, with the right mode', () => {
    expect(() => formatMoneyFixed(12_345_000n, 2)).toThrow(new RangeError('formatMoneyFixed: 12.345 has more than 2 decimal places; round it first'));
    expect(() => formatMoneyFixed(-1n, 5)).toThrow('formatMoneyFixed: -0.000001 has more than 5 decimal places; round it first');
    expect(() => formatMoneyFixed(12_500_000n, 0)).toThrow(RangeError);
  });

  it.each([-1, 7, 2.5, Number.NaN])('refuses fractionDigits %p', (digits) => {
    expect(() => formatMoneyFixed(1n, digits)).toThrow(`fractionDigits must be an integer from 0 to 6, got ${String(digits)}`);
  });

  it('with 6 digits it is the canonical form padded, and parses back', () => {
    fc.assert(
      fc.property(anyMicros, (micros) => {
        const fixed = formatMoneyFixed(micros, 6);
        expect(fixed).toMatch(/^-?[0-9]+\.[0-9]{6}$/);
        expect(parseMoney(fixed)).toBe(micros);
        expect(fixed.startsWith(formatMoney(micros))).toBe(true);
      }),
    );
  });

  it('with fewer digits it pads or refuses, never rounds', () => {
    fc.assert(
      fc.property(anyMicros, anyDecimals, (micros, digits) => {
        let fixed: string;
        try {
          fixed = formatMoneyFixed(micros, digits);
        } catch {
          // Refused only when digits would be lost.
          expect(micros % 10n ** BigInt(6 - digits)).not.toBe(0n);
          return;
        }
        expect(parseMoney(fixed)).toBe(micros);
        expect(fixed.split('.')[1]?.length ?? 0).toBe(digits);
      }),
    );
  });
});
