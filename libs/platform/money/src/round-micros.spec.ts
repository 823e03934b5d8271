import fc from 'fast-check';
import { MAX_MONEY_MICROS } from './constants.js';
import { roundMicros } from './round-micros.js';
import type { RoundingMode } from './rounding.js';
import { anyDecimals, anyMode, everydayMicros } from './testing/arbitraries.js';

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

describe('roundMicros rounds an amount to a number of decimals', () => {
  it.each<[bigint, number, RoundingMode, bigint]>([
    [101_666n, 4, 'up', 101_700n],
    [101_666n, 4, 'half-up', 101_700n],
    [101_666n, 4, 'down', 101_600n],
    [101_650n, 4, 'half-up', 101_700n],
    [101_649n, 4, 'half-up', 101_600n],
    [-101_650n, 4, 'half-up', -101_700n],
    [-101_666n, 4, 'up', -101_700n],
    [-101_666n, 4, 'down', -101_600n],
    [12_345_678n, 2, 'up', 12_350_000n],
    [12_345_678n, 0, 'down', 12_000_000n],
    [12_500_000n, 0, 'half-up', 13_000_000n],
    [-12_500_000n, 0, 'half-up', -13_000_000n],
    [1n, 0, 'up', 1_000_000n],
    [1n, 0, 'half-up', 0n],
    [12_345_678n, 6, 'up', 12_345_678n],
    [200_000n, 4, 'up', 200_000n],
  ])('%s micros to %s decimals, %s → %s', (micros, decimals, mode, result) => {
    expect(roundMicros(micros, decimals, mode)).toBe(result);
  });

  it.each([-1, 7, 1.5])('refuses decimals %p', (decimals) => {
    expect(() => roundMicros(1n, decimals, 'up')).toThrow(new RangeError(`decimals must be an integer from 0 to 6, got ${decimals}`));
  });

  it('asserts rather than overflows', () => {
    expect(() => roundMicros(MAX_MONEY_MICROS, 0, 'up')).toThrow('money is out of range');
  });

  it('lands on a multiple of the step, less than one step away', () => {
    fc.assert(
      fc.property(everydayMicros, anyDecimals, anyMode, (micros, decimals, mode) => {
        const step = 10n ** BigInt(6 - decimals);
        const rounded = roundMicros(micros, decimals, mode);
        expect(rounded % step).toBe(0n);
        expect(abs(rounded - micros) < step).toBe(true);
        if (micros % step === 0n) expect(rounded).toBe(micros);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds in the direction its mode says: |down| <= |exact| <= |up|, half-up within half a step', () => {
    fc.assert(
      fc.property(everydayMicros, anyDecimals, (micros, decimals) => {
        const step = 10n ** BigInt(6 - decimals);
        const up = roundMicros(micros, decimals, 'up');
        const down = roundMicros(micros, decimals, 'down');
        const halfUp = roundMicros(micros, decimals, 'half-up');
        expect(abs(down) <= abs(micros) && abs(micros) <= abs(up)).toBe(true);
        if (micros >= 0n) expect(down <= micros && micros <= up).toBe(true);
        else expect(up <= micros && micros <= down).toBe(true);
        expect(halfUp === up || halfUp === down).toBe(true);
        expect(2n * abs(halfUp - micros) <= step).toBe(true);
        // Signs never flip: rounding cannot turn a charge into a credit.
        expect(up * micros >= 0n && down * micros >= 0n && halfUp * micros >= 0n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(everydayMicros, anyDecimals, anyMode, anyMode, (micros, decimals, first, second) => {
        const once = roundMicros(micros, decimals, first);
        expect(roundMicros(once, decimals, second)).toBe(once);
      }),
    );
  });
});
