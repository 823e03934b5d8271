import { parsePercent } from '@billing/money';
import { micros, row } from '../testing/rows.js';
import { deriveRow } from './derive-row.js';

const markup = (percent: string) => parsePercent(percent, 'markup', { max: 1_000_000_000n });

describe('deriveRow: base × (1 + markup), rounded up to micro-units', () => {
  const base = row('0.40', 30, [0, '0.20', 60], [60, '0.10', 1]);

  it('marks up every rate and the connect fee, keeps the structure', () => {
    expect(deriveRow(base, markup('12.5'))).toEqual({
      ...base,
      connectFeeMicros: micros('0.45'),
      intervals: [
        { startSecond: 0, ratePerMinuteMicros: micros('0.225'), incrementSeconds: 60 },
        { startSecond: 60, ratePerMinuteMicros: micros('0.1125'), incrementSeconds: 1 },
      ],
    });
  });

  it('rounds a fraction of a micro-unit up', () => {
    // 0.000001 × 1.333333 = 0.000001333333 → 0.000002
    expect(deriveRow(row('0.000001', 0, [0, '0.000007', 1]), markup('33.3333'))).toMatchObject({
      connectFeeMicros: 2n,
      intervals: [{ ratePerMinuteMicros: 10n }],
    });
  });

  it('0 % is the base itself', () => {
    expect(deriveRow(base, 0n)).toEqual(base);
  });

  it('1000 % is the largest markup: eleven times the base', () => {
    expect(deriveRow(base, markup('1000'))).toMatchObject({ connectFeeMicros: micros('4.4'), intervals: [{ ratePerMinuteMicros: micros('2.2') }, { ratePerMinuteMicros: micros('1.1') }] });
  });

  it('refuses a markup outside 0..1000 %', () => {
    expect(() => deriveRow(base, -1n)).toThrow('markup out of range');
    expect(() => deriveRow(base, 1_000_000_001n)).toThrow('markup out of range');
  });
});
