import { rational } from '@billing/money';
import { row, micros, UP4 } from '../testing/rows.js';
import { billedSecondsByInterval, rateCall } from './rate-call.js';

// docs/rating.md examples and one case per clause. Expected costs are decimal strings: money is never a float.
describe('rateCall: docs/rating.md', () => {
  it.each([
    // [what, row, billsec, billed seconds, cost at 4 decimals up]
    ['0.10/min in 60/60: 61 s bills two whole blocks', row('0', 0, [0, '0.10', 60]), 61, 120, '0.2'],
    ['0.10/min in 1/1: 61 s is 0.101666… → up → 0.1017', row('0', 0, [0, '0.10', 1]), 61, 61, '0.1017'],
    ['connect 0.40, 0–60 s at 0.20 in 60 s blocks, then 0.10 per second: 120 s', row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]), 120, 120, '0.7'],
    ['… 130 s is 0.716666… → 0.7167', row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]), 130, 130, '0.7167'],
    ['… 30 s: the first block is whole', row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]), 30, 60, '0.6'],
    ['… 61 s: one second of the second interval', row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]), 61, 61, '0.6017'],
    ['billsec 0 costs nothing: no connect fee, no minimum', row('0.40', 30, [0, '0.20', 60]), 0, 0, '0'],
    ['the minimum applies to a short call', row('0', 30, [0, '0.60', 1]), 10, 30, '0.3'],
    ['a call above the minimum bills its own length', row('0', 30, [0, '0.60', 1]), 45, 45, '0.45'],
    ['the minimum is then walked in blocks', row('0', 30, [0, '0.60', 60]), 10, 60, '0.6'],
    ['connect fee alone on a free destination', row('0.05', 0, [0, '0', 60]), 1, 60, '0.05'],
    ['a free destination costs nothing', row('0', 0, [0, '0', 1]), 3600, 3600, '0'],
  ])('%s', (_what, rateRow, billsec, billedSeconds, cost) => {
    const rated = rateCall(rateRow, UP4, billsec);
    expect(rated.billedSeconds).toBe(billedSeconds);
    expect(rated.costMicros).toBe(micros(cost));
  });

  it('keeps the exact value before rounding', () => {
    expect(rateCall(row('0', 0, [0, '0.10', 1]), UP4, 61).exact).toEqual(rational(61n, 600n));
    expect(rateCall(row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]), UP4, 130).exact).toEqual(rational(43n, 60n));
  });

  it('rounds once per call, never per block (per-second rounding would charge 0.1037)', () => {
    expect(rateCall(row('0', 0, [0, '0.10', 1]), UP4, 61).costMicros).toBe(micros('0.1017'));
  });

  it.each([
    [{ decimals: 4, mode: 'up' as const }, '0.1017'],
    [{ decimals: 4, mode: 'half-up' as const }, '0.1017'],
    [{ decimals: 4, mode: 'down' as const }, '0.1016'],
    [{ decimals: 2, mode: 'up' as const }, '0.11'],
    [{ decimals: 2, mode: 'half-up' as const }, '0.1'],
    [{ decimals: 0, mode: 'up' as const }, '1'],
    [{ decimals: 6, mode: 'up' as const }, '0.101667'],
    [{ decimals: 6, mode: 'down' as const }, '0.101666'],
  ])('rounds with the sheet rule %j', (rounding, cost) => {
    expect(rateCall(row('0', 0, [0, '0.10', 1]), rounding, 61).costMicros).toBe(micros(cost));
  });
});

describe('a block that crosses into the next interval', () => {
  // 0–90 s at 0.60/min in 60 s blocks, from 90 s at 0.30/min per second.
  const crossing = row('0', 0, [0, '0.60', 60], [90, '0.30', 1]);

  it.each([
    ['the second block starts at 60 s, inside the first interval: billed whole at its rate', 61, [120, 0], '1.2'],
    ['a call ending inside that block is covered by it', 100, [120, 0], '1.2'],
    ['the next interval begins where the block ended (120 s), not at 90 s', 150, [120, 30], '1.35'],
  ])('%s', (_what, billsec, perInterval, cost) => {
    expect(billedSecondsByInterval(crossing.intervals, billsec)).toEqual(perInterval);
    expect(rateCall(crossing, UP4, billsec).costMicros).toBe(micros(cost));
  });

  it('an interval wholly covered by an earlier block bills nothing', () => {
    const skipped = row('0', 0, [0, '0.60', 60], [30, '0.30', 1], [45, '0.10', 1]);
    expect(billedSecondsByInterval(skipped.intervals, 70)).toEqual([60, 0, 10]);
    expect(rateCall(skipped, UP4, 70).costMicros).toBe(micros('0.6167'));
  });
});

describe('rateCall guards', () => {
  it('refuses a negative, fractional or absurd billsec (a parser let it through: a bug)', () => {
    const rateRow = row('0', 0, [0, '0.10', 1]);
    expect(() => rateCall(rateRow, UP4, -1)).toThrow('billsec must be');
    expect(() => rateCall(rateRow, UP4, 1.5)).toThrow('billsec must be');
    expect(() => rateCall(rateRow, UP4, 604_801)).toThrow('billsec must be');
  });

  it('refuses a row that skipped validation', () => {
    expect(() => rateCall(row('0', 0, [5, '0.10', 1]), UP4, 1)).toThrow('the first interval must start at 0');
    expect(() => rateCall(row('0', 0, [0, '0.10', 0]), UP4, 1)).toThrow('increments must be 1..3600 seconds');
    expect(() => rateCall(row('0', 0, [0, '0.10', 1], [0, '0.10', 1]), UP4, 1)).toThrow('interval starts must increase');
    expect(() => rateCall(row('0', 0, [0, '0.10', 1]), { decimals: 7, mode: 'up' }, 1)).toThrow('rounding decimals must be 0..6');
  });
});
