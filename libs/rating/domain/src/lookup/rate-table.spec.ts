import { rateCall } from '../engine/rate-call.js';
import { micros, row, UP4 } from '../testing/rows.js';
import { buildRateTable, deriveRateTable, findRate } from './rate-table.js';

describe('rate tables: a version in memory', () => {
  const uk = row('0', 0, [0, '0.10', 60]);
  const london = { ...row('0.01', 0, [0, '0.08', 1]), prefix: '4420', destination: 'London' };
  const base = buildRateTable([uk, london], UP4);

  it('finds the row with the longest prefix', () => {
    expect(findRate(base, '442079460958')).toBe(london);
    expect(findRate(base, '441612345678')).toBe(uk);
    expect(findRate(base, '33123456789')).toBeNull();
  });

  it('a derived table shares the base trie and marks every row up', () => {
    const derived = deriveRateTable(base, 25_000_000n);
    expect(derived.trie).toBe(base.trie);
    expect(findRate(derived, '442079460958')).toMatchObject({ prefix: '4420', connectFeeMicros: micros('0.0125'), intervals: [{ ratePerMinuteMicros: micros('0.1') }] });
    // 61 s: base 0.01 + 61 × 0.08/60 = 0.091333… → 0.0914; derived 0.0125 + 61 × 0.10/60 = 0.114166… → 0.1142
    expect(rateCall(london, base.rounding, 61).costMicros).toBe(micros('0.0914'));
    expect(rateCall(findRate(derived, '442079460958') ?? london, derived.rounding, 61).costMicros).toBe(micros('0.1142'));
  });
});
