// An import's dry run (`?dryRun=true`, or `dryRun: true` in a JSON body) on the real PostgreSQL:
// the deck is read and checked as an import would, the preview answers its rows or every bad
// row with its line, and nothing is stored (no sheet, no version, no staged rows).
import { DECK_HEADER } from './__fixtures__/decks.js';
import { RatingTestApp } from './__fixtures__/rating-test-app.js';

describe('rate sheet imports: dry run', () => {
  const app = RatingTestApp.perFile();
  const row = (prefix: string, rate: string) => ({ prefix, destination: `Dest ${prefix}`, intervals: [{ startSecond: 0, ratePerMinute: rate, incrementSeconds: 60 }] });
  const staged = async (sheetId: string) => (await app.pool.query(`SELECT count(*)::int AS n FROM ${app.db.table('rate_imports')} WHERE sheet_id = $1`, [sheetId])).rows[0].n;

  it('previews a good CSV deck (200, its rows) and a bad one (200, every bad row with its line), storing nothing', async () => {
    const good = `${DECK_HEADER}44,United Kingdom,0.40,0,0.20,60,60,0.10,1\n1,USA,0,0,0.01,6,,,\n`;
    const preview = await app.postText('/api/v1/rate-sheets?name=Preview&sheetId=dry&dryRun=true&decimals=2', good, 'admin');
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      dryRun: true,
      valid: true,
      rowCount: 2,
      rounding: { decimals: 2, mode: 'up' },
      effectiveFrom: null,
      rows: [
        { prefix: '44', destination: 'United Kingdom', connectFee: '0.4', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.2', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: '0.1', incrementSeconds: 1 }] },
        { prefix: '1', destination: 'USA', connectFee: '0', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.01', incrementSeconds: 6 }] },
      ],
      errors: [],
      truncated: false,
    });
    expect((await app.admin('GET', '/api/v1/rate-sheets/dry')).status).toBe(404);
    expect(await staged('dry')).toBe(0);

    const bad = `${DECK_HEADER}44,UK,0,0,0.10,60,,,\n1,US,0,0,-1,60,,,\n44,UK again,0,0,0.10,60,,,\n`;
    const refused = await app.postText('/api/v1/rate-sheets?sheetId=dry&dryRun=true', bad, 'admin');
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ dryRun: true, valid: false, rowCount: 0, rows: [], truncated: false });
    expect(refused.body.errors.map((e: { line: number; field: string; path: string }) => [e.line, e.field, e.path])).toEqual([
      [3, 'rate_per_minute', '/lines/3/rate_per_minute'],
      [4, 'prefix', '/lines/4/prefix'],
    ]);
    // an unreadable header is still 400, as for an import
    const header = await app.postText('/api/v1/rate-sheets?dryRun=true', 'prefix,colour\n44,red\n', 'admin');
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('invalid_deck_header');
    expect(await staged('dry')).toBe(0);

    // the same deck without the flag (or dryRun=false) is imported: 201
    const imported = await app.postText('/api/v1/rate-sheets?name=Preview&sheetId=dry&dryRun=false', good, 'admin');
    expect(imported.status).toBe(201);
    expect(imported.body.imported.rowCount).toBe(2);
  }, 60_000);

  it('previews JSON decks (body or query flag) and versions, with the sheet checks of an import', async () => {
    const created = await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'dry-json', name: 'JSON', effectiveFrom: '2025-03-01T00:00:00Z', rows: [row('44', '0.1')] });
    expect(created.status).toBe(201);

    const version = await app.admin('POST', '/api/v1/rate-sheets/dry-json/versions', { dryRun: true, effectiveFrom: '2025-06-01T00:00:00Z', rows: [row('44', '0.05'), row('1', '0.02')] });
    expect(version.status).toBe(200);
    expect(version.body).toMatchObject({ valid: true, rowCount: 2, effectiveFrom: '2025-06-01T00:00:00Z', rounding: { decimals: 4, mode: 'up' } });
    expect(version.body.rows.map((r: { prefix: string }) => r.prefix)).toEqual(['44', '1']);
    const bad = await app.admin('POST', '/api/v1/rate-sheets/dry-json/versions?dryRun=true', { rows: [row('44', '0.05'), { ...row('1', '0.1'), colour: 'red' }] });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ valid: false, errors: [{ path: '/rows/1/colour', line: 1, message: 'unknown field' }] });
    const sheet = await app.admin('GET', '/api/v1/rate-sheets/dry-json');
    expect(sheet.body.versions).toHaveLength(1);
    expect(await staged('dry-json')).toBe(1); // the first version's import only

    // the checks of the sheet itself answer as for an import
    expect((await app.admin('POST', '/api/v1/rate-sheets', { dryRun: true, sheetId: 'dry-json', name: 'Again', rows: [row('1', '0.1')] })).body.code).toBe('sheet_exists');
    // a name ITC's sheets have (any case, any spacing) is name_taken, as the import answers it; an invisible character invalid_name
    for (const body of [{ name: 'json' }, { sheetId: 'dry-new', name: 'JSON\u00a0' }]) {
      const taken = await app.admin('POST', '/api/v1/rate-sheets', { dryRun: true, ...body, rows: [row('1', '0.1')] });
      expect([taken.status, taken.body.code, taken.body.detail]).toEqual([409, 'name_taken', 'ITC has a rate sheet named "JSON" already (sheet dry-json): choose another name']);
    }
    const csvTaken = await app.postText('/api/v1/rate-sheets?name=%20Json%20&dryRun=true', `${DECK_HEADER}1,USA,0,0,0.01,6,,,\n`, 'admin');
    expect([csvTaken.status, csvTaken.body.code]).toEqual([409, 'name_taken']);
    const invisible = await app.admin('POST', '/api/v1/rate-sheets', { dryRun: true, name: 'JSON\u200b2', rows: [row('1', '0.1')] });
    expect([invisible.status, invisible.body.code]).toEqual([422, 'invalid_name']);
    expect((await app.admin('POST', '/api/v1/rate-sheets', { dryRun: true, name: 'JSON 2', rows: [row('1', '0.1')] })).body.valid).toBe(true);
    expect((await app.admin('POST', '/api/v1/rate-sheets/nope/versions', { dryRun: true, rows: [row('1', '0.1')] })).body.code).toBe('sheet_not_found');
    await app.admin('POST', '/api/v1/rate-sheets/dry-json/derived', { sheetId: 'dry-derived', name: 'Derived', markupPercent: '10' });
    expect((await app.admin('POST', '/api/v1/rate-sheets/dry-derived/versions', { dryRun: true, rows: [row('1', '0.1')] })).body.code).toBe('not_a_base_sheet');
    const flag = await app.admin('POST', '/api/v1/rate-sheets', { dryRun: 'yes', name: 'x', rows: [row('1', '0.1')] });
    expect(flag.status).toBe(400);
    expect(flag.body.errors).toEqual([{ path: '/dryRun', message: 'must be true or false' }]);
    const query = await app.admin('POST', '/api/v1/rate-sheets?dryRun=maybe', { name: 'x', rows: [row('1', '0.1')] });
    expect(query.status).toBe(400);
  }, 60_000);
});
