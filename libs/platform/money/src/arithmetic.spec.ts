import { addMicros, maxMicros, minMicros, sumMicros } from './arithmetic.js';
import { assertMicros } from './assert-micros.js';
import { MAX_MONEY_MICROS } from './constants.js';

describe('assertMicros', () => {
  it('accepts a bigint in range and narrows the type', () => {
    const value: unknown = 12_500_000n;
    assertMicros(value);
    const narrowed: bigint = value;
    expect(narrowed).toBe(12_500_000n);
    expect(() => assertMicros(MAX_MONEY_MICROS)).not.toThrow();
    expect(() => assertMicros(-MAX_MONEY_MICROS)).not.toThrow();
  });

  it.each<[unknown, string]>([
    [12.5, 'money must be a bigint of micro-units, got number'],
    ['12.5', 'money must be a bigint of micro-units, got string'],
    [undefined, 'money must be a bigint of micro-units, got undefined'],
  ])('refuses %p with a TypeError', (value, message) => {
    expect(() => assertMicros(value)).toThrow(new TypeError(message));
  });

  it('refuses an overflow with a RangeError', () => {
    expect(() => assertMicros(MAX_MONEY_MICROS + 1n)).toThrow(
      new RangeError('money is out of range (more than 18 integer digits): 1000000000000000000000000 micros'),
    );
  });
});

describe('addMicros, sumMicros, minMicros, maxMicros', () => {
  it('add and sum', () => {
    expect(addMicros(1n, -3n)).toBe(-2n);
    expect(sumMicros([])).toBe(0n);
    expect(sumMicros([400_000n, 200_000n, 116_667n])).toBe(716_667n);
    expect(sumMicros(new Set([1n, 2n]))).toBe(3n);
  });

  it('assert instead of overflowing or mixing in a number', () => {
    expect(() => addMicros(MAX_MONEY_MICROS, 1n)).toThrow(RangeError);
    expect(() => sumMicros([1n, 2 as unknown as bigint])).toThrow(TypeError);
  });

  it('min and max', () => {
    expect(minMicros(3n, -1n, 2n)).toBe(-1n);
    expect(maxMicros(3n, -1n, 2n)).toBe(3n);
    expect(minMicros(5n)).toBe(5n);
    expect(() => maxMicros(1n, 1 as unknown as bigint)).toThrow(TypeError);
  });
});
