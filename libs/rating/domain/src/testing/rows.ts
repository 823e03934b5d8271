// Test helpers for rate rows (dev-only: imported by specs, never exported from the library).
import fc from 'fast-check';
import { parseMoney, ROUNDING_MODES, type RoundingMode } from '@billing/money';
import type { RateRow, SheetRounding } from '../sheet/rate-row.js';

/** `row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1])`: connect fee, minimum, then [startSecond, ratePerMinute, incrementSeconds]… */
export function row(connectFee: string, minimumSeconds: number, ...intervals: Array<[number, string, number]>): RateRow {
  return {
    prefix: '44',
    destination: 'United Kingdom',
    connectFeeMicros: parseMoney(connectFee),
    minimumSeconds,
    intervals: intervals.map(([startSecond, rate, incrementSeconds]) => ({ startSecond, ratePerMinuteMicros: parseMoney(rate), incrementSeconds })),
  };
}

export const micros = (amount: string) => parseMoney(amount);

export const UP4: SheetRounding = { decimals: 4, mode: 'up' };

export const anyRounding: fc.Arbitrary<SheetRounding> = fc.record({
  decimals: fc.integer({ min: 0, max: 6 }),
  mode: fc.constantFrom<RoundingMode>(...ROUNDING_MODES),
});

/** Rows shaped like real ones: 1..4 intervals, increments 1..120 s, rates up to 5 units per minute. */
export const anyRow: fc.Arbitrary<RateRow> = fc
  .record({
    connectFeeMicros: fc.bigInt({ min: 0n, max: 1_000_000n }),
    minimumSeconds: fc.integer({ min: 0, max: 120 }),
    gaps: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 3 }),
    rates: fc.array(fc.bigInt({ min: 0n, max: 5_000_000n }), { minLength: 4, maxLength: 4 }),
    increments: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ connectFeeMicros, minimumSeconds, gaps, rates, increments }) => {
    const starts = [0];
    for (const gap of gaps) starts.push((starts[starts.length - 1] ?? 0) + gap);
    return {
      prefix: '1',
      destination: 'Anywhere',
      connectFeeMicros,
      minimumSeconds,
      intervals: starts.map((startSecond, i) => ({ startSecond, ratePerMinuteMicros: rates[i] ?? 0n, incrementSeconds: increments[i] ?? 1 })),
    };
  });

export const anyBillsec = fc.integer({ min: 0, max: 4 * 3600 });
