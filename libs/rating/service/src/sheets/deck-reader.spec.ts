import { DEFAULT_ROUNDING } from '@billing/rating-domain';
import { CsvDeckReader, readJsonRows } from './deck-reader.js';

// One preview must report every problem of a deck: a row with errors still has its prefix compared
// with the others', else the duplicate is found only in a second round, after that row is fixed.
describe('deck reader: every row problem in one pass', () => {
  it('CSV: a duplicate of a line that has other errors is reported with them', () => {
    const reader = new CsvDeckReader(DEFAULT_ROUNDING);
    reader.push(
      [
        'prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds,effective_from',
        '44,United Kingdom,-1,0,0.22,60,2026-01-01T00:00:00Z',
        'x34,Spain,0,30,0.0137,6,',
        '49,Germany,0,0,0.1234567,0,',
        '44,Dup,0,0,0.1,60,',
        '33,France,-1,0,0.1,60,2026-02-01T00:00:00Z',
        '',
      ].join('\n'),
    );
    const result = reader.end();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(({ line, field }) => `${line} ${field}`)).toEqual(['2 connect_fee', '3 prefix', '4 rate_per_minute', '4 increment_seconds', '5 prefix', '6 connect_fee', '6 effective_from']);
    expect(result.errors).toContainEqual({ line: 5, field: 'prefix', message: 'duplicate prefix "44": line 2 and line 5' });
  });

  it('JSON: a bad row (or one with an unknown field) still takes part in the duplicate check', () => {
    const row = (prefix: string, extra: Record<string, unknown> = {}) => ({ prefix, destination: 'X', intervals: [{ startSecond: 0, ratePerMinute: '0.1', incrementSeconds: 60 }], ...extra });
    const result = readJsonRows([row('44', { connectFee: '-1' }), row('1', { note: 'x' }), row('44'), row('1')], DEFAULT_ROUNDING);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ line: 2, field: 'prefix', message: 'duplicate prefix "44": rows[0] and rows[2]' });
    expect(result.errors).toContainEqual({ line: 3, field: 'prefix', message: 'duplicate prefix "1": rows[1] and rows[3]' });
  });
});
