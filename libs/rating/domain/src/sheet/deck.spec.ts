import { CsvRecordReader, type CsvRecord } from '../csv/csv-record-reader.js';
import { micros } from '../testing/rows.js';
import { canonicalRoundingLine, canonicalRowLine } from './canonical-row.js';
import { DeckCheck } from './deck-check.js';
import { parseDeckHeader, parseDeckRecord, type DeckColumns, type DeckRowResult } from './deck-csv.js';
import { parseJsonRateRow, parseJsonSheetHeader } from './deck-json.js';

function records(text: string): CsvRecord[] {
  const reader = new CsvRecordReader();
  return [...reader.push(text), ...reader.end()];
}

/** Header + rows of a CSV deck → the row results, as the service will stream them. */
function importCsv(text: string): { columns: DeckColumns; rows: DeckRowResult[] } {
  const [header, ...rest] = records(text);
  if (header === undefined || !header.ok) throw new Error('no header');
  const columns = parseDeckHeader(header.fields);
  if (!columns.ok) throw new Error(JSON.stringify(columns.errors));
  return { columns: columns.value, rows: rest.map((record) => parseDeckRecord(columns.value, record)) };
}

const HEADER = 'prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds,interval2_start_second,interval2_rate_per_minute,interval2_increment_seconds,effective_from';

describe('CSV rate decks', () => {
  it('reads rows with one or two intervals; empty connect fee and minimum are 0', () => {
    const { rows } = importCsv(`${HEADER}\n44,United Kingdom,0.40,0,0.20,60,60,0.10,1,\n1,"USA, Canada",,,0.01,6,,,,2025-03-01T00:00:00Z\n`);
    expect(rows).toEqual([
      {
        ok: true,
        line: 2,
        effectiveFrom: null,
        row: {
          prefix: '44',
          destination: 'United Kingdom',
          connectFeeMicros: micros('0.40'),
          minimumSeconds: 0,
          intervals: [
            { startSecond: 0, ratePerMinuteMicros: micros('0.20'), incrementSeconds: 60 },
            { startSecond: 60, ratePerMinuteMicros: micros('0.10'), incrementSeconds: 1 },
          ],
        },
      },
      {
        ok: true,
        line: 3,
        effectiveFrom: '2025-03-01T00:00:00Z',
        row: { prefix: '1', destination: 'USA, Canada', connectFeeMicros: 0n, minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinuteMicros: micros('0.01'), incrementSeconds: 6 }] },
      },
    ]);
  });

  it('columns in any order and case; optional columns may be left out', () => {
    const { rows } = importCsv('Increment_Seconds,RATE_PER_MINUTE,destination,prefix\n60,0.1,UK,44\n');
    expect(rows[0]).toMatchObject({ ok: true, row: { prefix: '44', connectFeeMicros: 0n, minimumSeconds: 0, intervals: [{ ratePerMinuteMicros: micros('0.1'), incrementSeconds: 60 }] } });
  });

  it('reports every error of a line with its column', () => {
    const { rows } = importCsv(`${HEADER}\n+44,,0.4000001,-1,0.1,0,30,abc,1,tomorrow\n`);
    expect(rows).toEqual([
      {
        ok: false,
        line: 2,
        errors: [
          { field: 'effective_from', message: 'must be an ISO 8601 instant with an offset, got "tomorrow"' },
          { field: 'prefix', message: 'must be 1 to 16 digits, got "+44"' },
          { field: 'destination', message: 'must be 1 to 100 characters without surrounding spaces, got ""' },
          { field: 'connect_fee', message: 'must have at most 6 decimal places, got "0.4000001"' },
          { field: 'minimum_seconds', message: 'must be a whole number from 0 to 3600, got "-1"' },
          { field: 'increment_seconds', message: 'must be a whole number from 1 to 3600, got "0"' },
          { field: 'interval2_rate_per_minute', message: expect.stringContaining('must be a decimal string') },
        ],
        prefix: null,
        effectiveFrom: null,
      },
    ]);
  });

  it('an interval must start after the previous one; a group is all or nothing', () => {
    const { rows } = importCsv(`${HEADER}\n44,UK,0,0,0.1,60,0,0.05,1,\n45,UK,0,0,0.1,60,60,,1,\n`);
    expect(rows[0]).toEqual({ ok: false, line: 2, errors: [{ field: 'interval2_start_second', message: "must be after the previous interval's start (0)" }], prefix: '44', effectiveFrom: null });
    expect(rows[1]).toMatchObject({ ok: false, line: 3, errors: [{ field: 'interval2_rate_per_minute' }] });
  });

  it('a line with the wrong number of fields, or broken quoting, is reported on its line', () => {
    const { rows } = importCsv('prefix,destination,rate_per_minute,increment_seconds\n44,UK,0.1\n"45"x,UK,0.1,60\n');
    expect(rows).toEqual([
      { ok: false, line: 2, errors: [{ field: 'line', message: 'expected 4 fields like the header, got 3' }], prefix: null, effectiveFrom: null },
      { ok: false, line: 3, errors: [{ field: 'line', message: 'unexpected "x" after a closing quote' }], prefix: null, effectiveFrom: null },
    ]);
  });

  it.each([
    ['a missing required column', ['prefix', 'destination', 'rate_per_minute'], [{ field: 'increment_seconds', message: 'required column is missing' }]],
    ['an unknown column', ['prefix', 'destination', 'rate_per_minute', 'increment_seconds', 'rate'], [{ field: 'rate', message: expect.stringContaining('unknown column') }]],
    ['a column twice', ['prefix', 'Prefix', 'destination', 'rate_per_minute', 'increment_seconds'], [{ field: 'prefix', message: 'column appears twice' }]],
    [
      'an incomplete interval group',
      ['prefix', 'destination', 'rate_per_minute', 'increment_seconds', 'interval2_start_second'],
      [
        { field: 'interval2_rate_per_minute', message: 'interval 2 needs all three columns' },
        { field: 'interval2_increment_seconds', message: 'interval 2 needs all three columns' },
      ],
    ],
    [
      'interval 3 without interval 2',
      ['prefix', 'destination', 'rate_per_minute', 'increment_seconds', 'interval3_start_second', 'interval3_rate_per_minute', 'interval3_increment_seconds'],
      [{ field: 'interval3_start_second', message: 'interval 3 without interval 2' }],
    ],
  ])('refuses a header with %s', (_what, header, errors) => {
    expect(parseDeckHeader(header)).toEqual({ ok: false, errors });
  });
});

describe('JSON rate sheets', () => {
  const body = { name: 'ITC base', rounding: { decimals: 4, mode: 'up' }, effectiveFrom: '2025-03-01T00:00:00Z', rows: [] };

  it('reads the header with defaults', () => {
    expect(parseJsonSheetHeader(body)).toEqual({ ok: true, value: { name: 'ITC base', rounding: { decimals: 4, mode: 'up' }, effectiveFrom: '2025-03-01T00:00:00Z' } });
    expect(parseJsonSheetHeader({ name: 'x', rows: [] })).toEqual({ ok: true, value: { name: 'x', rounding: { decimals: 4, mode: 'up' }, effectiveFrom: null } });
  });

  it('refuses a bad header field by field', () => {
    expect(parseJsonSheetHeader({ name: '', rounding: { decimals: 7, mode: 'nearest' }, effectiveFrom: 'now' })).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'must be 1 to 100 characters without surrounding spaces, got ""' },
        { field: 'rounding.decimals', message: 'must be a whole number from 0 to 6, got number 7' },
        { field: 'rounding.mode', message: 'must be one of "up", "half-up", "down", got "nearest"' },
        { field: 'effectiveFrom', message: 'must be an ISO 8601 instant with an offset, got "now"' },
        { field: 'rows', message: 'must be an array of rate rows, got nothing' },
      ],
    });
  });

  it('reads a row; money must be a decimal string, never a JSON number', () => {
    const good = { prefix: '44', destination: 'UK', connectFee: '0.40', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.20', incrementSeconds: 60 }] };
    expect(parseJsonRateRow(good, 0)).toMatchObject({ ok: true, value: { prefix: '44', connectFeeMicros: micros('0.40') } });
    expect(parseJsonRateRow({ ...good, intervals: [{ startSecond: 0, ratePerMinute: 0.2, incrementSeconds: 60 }] }, 3)).toEqual({
      ok: false,
      errors: [{ field: 'rows[3].intervals[0].ratePerMinute', message: expect.stringContaining('got number 0.2') }],
    });
    expect(parseJsonRateRow({ ...good, intervals: [] }, 1)).toEqual({ ok: false, errors: [{ field: 'rows[1].intervals', message: 'must have 1 to 8 intervals, got 0' }] });
    expect(parseJsonRateRow({ ...good, intervals: [{ startSecond: 5, ratePerMinute: '0.2', incrementSeconds: 60 }] }, 1)).toEqual({
      ok: false,
      errors: [{ field: 'rows[1].intervals[0].startSecond', message: 'the first interval must start at second 0' }],
    });
  });
});

describe('DeckCheck: the deck as a whole', () => {
  const rateRow = (prefix: string) => ({ prefix, destination: 'X', connectFeeMicros: 0n, minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinuteMicros: 1n, incrementSeconds: 1 }] });

  it('accepts unique prefixes and reports the count and effective time', () => {
    const check = new DeckCheck();
    check.addRow(2, rateRow('44'), '2025-03-01T00:00:00Z');
    check.addRow(3, rateRow('4420'), null);
    check.addRow(4, rateRow('1'), '2025-03-01T00:00:00.000Z');
    expect(check.verdict()).toEqual({ ok: true, rowCount: 3, effectiveFrom: '2025-03-01T00:00:00Z' });
  });

  it('refuses a duplicate prefix naming both lines', () => {
    const check = new DeckCheck();
    check.addRow(2, rateRow('44'));
    check.addRow(9, rateRow('44'));
    expect(check.verdict()).toEqual({ ok: false, truncated: false, errors: [{ line: 9, field: 'prefix', message: 'duplicate prefix "44": line 2 and line 9' }] });
    const json = new DeckCheck((index) => `rows[${index}]`);
    json.addRow(0, rateRow('1'));
    json.addRow(5, rateRow('1'));
    expect(json.verdict()).toMatchObject({ errors: [{ message: 'duplicate prefix "1": rows[0] and rows[5]' }] });
  });

  it('refuses rows that disagree on the effective time', () => {
    const check = new DeckCheck();
    check.addRow(2, rateRow('44'), '2025-03-01T00:00:00Z');
    check.addRow(3, rateRow('45'), '2025-04-01T00:00:00Z');
    expect(check.verdict()).toMatchObject({ ok: false, errors: [{ line: 3, field: 'effective_from', message: 'a deck has one effective time: 2025-04-01T00:00:00Z differs from 2025-03-01T00:00:00Z on line 2' }] });
  });

  it('refuses an empty deck, too many rows, and keeps at most maxErrors errors', () => {
    expect(new DeckCheck().verdict()).toEqual({ ok: false, truncated: false, errors: [{ line: 0, field: 'rows', message: 'the deck has no rows' }] });
    const small = new DeckCheck(undefined, 2, 2);
    for (const [i, prefix] of ['1', '2', '3'].entries()) small.addRow(i + 2, rateRow(prefix));
    small.addErrors(7, [{ field: 'prefix', message: 'a' }, { field: 'prefix', message: 'b' }]);
    expect(small.verdict()).toEqual({ ok: false, truncated: true, errors: [{ line: 4, field: 'rows', message: 'a deck may have at most 2 rows' }, { line: 7, field: 'prefix', message: 'a' }] });
  });
});

describe('canonical row lines (content hash input)', () => {
  it('do not depend on how the deck spelled the numbers', () => {
    const fromCsv = importCsv(`${HEADER}\n44,"Say ""hi""|UK",0.40,0,0.20,60,60,0.1,1,\n`).rows[0];
    const fromJson = parseJsonRateRow({ prefix: '44', destination: 'Say "hi"|UK', connectFee: '0.4', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.2', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: '0.100', incrementSeconds: 1 }] }, 0);
    if (!fromCsv?.ok || !fromJson.ok) throw new Error('both parse');
    expect(canonicalRowLine(fromCsv.row)).toBe('44|"Say \\"hi\\"|UK"|0.4|0|0:0.2:60;60:0.1:1');
    expect(canonicalRowLine(fromJson.value)).toBe(canonicalRowLine(fromCsv.row));
    expect(canonicalRoundingLine({ decimals: 4, mode: 'up' })).toBe('rounding|4|up');
  });
});
