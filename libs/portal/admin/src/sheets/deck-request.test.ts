import { describe, expect, it } from 'vitest';
import { deckFormat, deckRequest, type DeckForm } from './deck-request';

const form = (patch: Partial<DeckForm>): DeckForm => ({ text: '', fileName: null, name: 'Base', effectiveFrom: '', decimals: null, mode: null, ...patch });
const CSV = 'prefix,destination,rate_per_minute,increment_seconds\n44,UK,0.1,60\n';

describe('deckFormat', () => {
  it('goes by the file extension first, then by the text', () => {
    expect(deckFormat('{"rows":[]}', 'deck.csv')).toBe('csv');
    expect(deckFormat(CSV, 'deck.JSON')).toBe('json');
    expect(deckFormat('  [{"prefix":"1"}]', null)).toBe('json');
    expect(deckFormat(CSV, null)).toBe('csv');
  });
});

describe('deckRequest', () => {
  it('sends a CSV deck as text/csv with the sheet fields and dryRun in the query', () => {
    const request = deckRequest(form({ text: CSV, name: 'My deck', decimals: 2, mode: 'half-up', effectiveFrom: '2026-12-05T00:00:00.000Z' }), null, true);
    expect(request).toEqual({
      ok: true,
      format: 'csv',
      path: '/api/v1/rate-sheets?name=My+deck&decimals=2&mode=half-up&effectiveFrom=2026-12-05T00%3A00%3A00.000Z&dryRun=true',
      init: { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: CSV },
    });
  });

  it('the import is the previewed request without dryRun; a version has no name and its own path', () => {
    const request = deckRequest(form({ text: CSV }), 'itc base', false);
    expect(request.ok && request.path).toBe('/api/v1/rate-sheets/itc%20base/versions');
  });

  it('puts the fields into a JSON deck, keeping its rows; a bare array is the rows', () => {
    const rows = [{ prefix: '44', destination: 'UK', intervals: [{ startSecond: 0, ratePerMinute: '0.1', incrementSeconds: 60 }] }];
    const request = deckRequest(form({ text: JSON.stringify({ name: 'Old', rows, dryRun: true }), fileName: 'deck.json', decimals: 3 }), null, false);
    expect(request.ok && JSON.parse(request.init.body as string)).toEqual({ name: 'Base', rows, rounding: { decimals: 3, mode: 'up' } });
    const version = deckRequest(form({ text: JSON.stringify(rows) }), 'itc', true);
    expect(version.ok && JSON.parse(version.init.body as string)).toEqual({ rows, dryRun: true });
  });

  it('refuses empty text, broken JSON and JSON without rows before sending', () => {
    expect(deckRequest(form({ text: '  ' }), null, true)).toEqual({ ok: false, reason: 'empty' });
    expect(deckRequest(form({ text: '{"rows": [' }), null, true)).toEqual({ ok: false, reason: 'invalid_json' });
    expect(deckRequest(form({ text: '{"name": "x"}' }), null, true)).toEqual({ ok: false, reason: 'no_rows' });
  });

  // the API owns the name's normal form (docs/API.md §1 Names): String#trim dropped a leading BOM,
  // so a name the API refuses as invisible (422 invalid_name) was imported as another
  it('sends a new sheet\'s name as typed, in the query (CSV) or the body (JSON)', () => {
    const typed = '\ufeffMy  deck ';
    const csv = deckRequest(form({ text: CSV, name: typed }), null, true);
    expect(csv.ok && new URL(csv.path, 'http://x').searchParams.get('name')).toBe(typed);
    const json = deckRequest(form({ text: '[{"prefix":"1"}]', name: typed }), null, true);
    expect(json.ok && (JSON.parse(json.init.body as string) as { name: string }).name).toBe(typed);
  });
});
