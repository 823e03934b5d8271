// Rate sheets through the HTTP API on the real PostgreSQL: a 200 000-row CSV deck streamed in and
// looked up, a deck with one bad row refused whole with its line, JSON sheets, versions by
// effective time, derived sheets that follow their base and their markup history.
import { deckChunks, deckLine, deckPrefixes, DECK_HEADER } from './__fixtures__/decks.js';
import { asAsync, RatingTestApp } from './__fixtures__/rating-test-app.js';

const ROWS = 200_000;

describe('rate sheets', () => {
  const app = RatingTestApp.perFile();
  const prefixes = deckPrefixes(ROWS);

  it('imports a 200 000-row CSV deck, streamed, in seconds, and looks numbers up by longest prefix', async () => {
    const startedMs = performance.now();
    const res = await app.postText('/api/v1/rate-sheets?name=Big%20deck&sheetId=big&effectiveFrom=2025-01-01T00:00:00Z', asAsync(deckChunks(prefixes, 64 * 1024)), 'admin');
    const elapsedMs = performance.now() - startedMs;
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sheetId: 'big', kind: 'base', name: 'Big deck', imported: { rowCount: ROWS } });
    expect(res.body.versions).toEqual([expect.objectContaining({ effectiveFrom: '2025-01-01T00:00:00Z', rowCount: ROWS, inForce: true, rounding: { decimals: 4, mode: 'up' } })]);
    console.log(`200 000-row CSV deck: HTTP ${Math.round(elapsedMs)} ms (server import ${res.body.imported.importMs} ms: ${JSON.stringify(res.body.imported.phasesMs)})`);
    expect(elapsedMs).toBeLessThan(30_000);

    // row n is at position n: the second interval of odd rows, the quoted destination
    const view = await app.admin('GET', '/api/v1/rate-sheets/big?limit=2');
    expect(view.status).toBe(200);
    expect(view.body.rows.items).toEqual([
      { prefix: prefixes[0], destination: 'Destination 0', connectFee: '0', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.01', incrementSeconds: 60 }] },
      {
        prefix: prefixes[1],
        destination: 'Destination 1, mobile',
        connectFee: '0.01',
        minimumSeconds: 30,
        intervals: [
          { startSecond: 0, ratePerMinute: '0.0101', incrementSeconds: 60 },
          { startSecond: 60, ratePerMinute: '0.005', incrementSeconds: 1 },
        ],
      },
    ]);
    const next = await app.admin('GET', `/api/v1/rate-sheets/big?limit=2&cursor=${view.body.rows.nextCursor}`);
    expect(next.body.rows.items.map((row: { prefix: string }) => row.prefix)).toEqual([prefixes[2], prefixes[3]]);

    // longest prefix: a prefix and a longer one below it
    const longer = prefixes.find((prefix) => prefix.length > 4 && prefixes.includes(prefix.slice(0, 2)))!;
    const lookup = await app.admin('GET', `/api/v1/rate-sheets/big/lookup?number=%2B${longer}999`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ number: `${longer}999`, sheetId: 'big', rate: { prefix: longer } });
    const unknown = await app.admin('GET', '/api/v1/rate-sheets/big/lookup?number=0000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('no_rate');
  }, 120_000);

  it('refuses a deck with one bad row whole, naming its line, and stores nothing', async () => {
    const bad = 150_000; // data row 150 000 is on line 150 002 (header = line 1)
    const lineOf = (n: number) => (n === bad ? `${prefixes[n]},Destination ${n},0,0,0.10,sixty,,,\n` : deckLine(prefixes, n));
    const res = await app.postText('/api/v1/rate-sheets?name=Bad%20deck&sheetId=bad', asAsync(deckChunks(prefixes, 64 * 1024, lineOf)), 'admin');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'invalid_deck', truncated: false });
    expect(res.body.errors).toEqual([{ line: 150_002, field: 'increment_seconds', path: '/lines/150002/increment_seconds', message: 'must be a whole number from 1 to 3600, got "sixty"' }]);
    expect((await app.admin('GET', '/api/v1/rate-sheets/bad')).status).toBe(404);
    const staged = await app.pool.query(`SELECT count(*)::int AS n FROM ${app.db.table('rate_imports')} WHERE sheet_id = 'bad'`);
    expect(staged.rows[0].n).toBe(0);
  }, 120_000);

  it('reports every bad row and duplicate prefix of a small deck, and a bad header as 400', async () => {
    const deck = `${DECK_HEADER}44,UK,0,0,0.10,60,,,\n1,US,0,0,-1,60,,,\n44,UK again,0,0,0.10,60,,,\n`;
    const res = await app.postText('/api/v1/rate-sheets?name=Small', deck, 'admin');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [3, 'rate_per_minute'],
      [4, 'prefix'],
    ]);
    expect(res.body.errors[1].message).toBe('duplicate prefix "44": line 2 and line 4');
    const header = await app.postText('/api/v1/rate-sheets?name=Header', 'prefix,destination,price\n44,UK,1\n', 'admin');
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('invalid_deck_header');
    const noName = await app.postText('/api/v1/rate-sheets', deck, 'admin');
    expect(noName.status).toBe(400);
  });

  it('JSON sheets, versions by effective time, derived sheets that follow their base and their markup history', async () => {
    const row = (prefix: string, rate: string) => ({ prefix, destination: `Dest ${prefix}`, connectFee: '0.40', intervals: [{ startSecond: 0, ratePerMinute: '0.20', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: rate, incrementSeconds: 1 }] });
    const created = await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'itc', name: 'ITC base', effectiveFrom: '2025-03-01T00:00:00Z', rows: [row('44', '0.10'), row('4420', '0.08')] });
    expect(created.status).toBe(201);
    expect(created.body.versions).toHaveLength(1);
    // money as a JSON number, unknown fields: refused with the row's path
    const refused = await app.admin('POST', '/api/v1/rate-sheets', { name: 'x', rows: [{ ...row('1', '0.1'), connectFee: 0.4, colour: 'red' }] });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/rows/0/colour', '/rows/0/connectFee']);
    // a duplicate prefix points at the second row, and names both
    const duplicate = await app.admin('POST', '/api/v1/rate-sheets', { name: 'x', rows: [row('1', '0.1'), row('2', '0.1'), row('1', '0.2')] });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toEqual([{ path: '/rows/2/prefix', field: 'rows[2].prefix', line: 2, message: 'duplicate prefix "1": rows[0] and rows[2]' }]);

    const v2 = await app.admin('POST', '/api/v1/rate-sheets/itc/versions', { effectiveFrom: '2025-06-01T00:00:00Z', rows: [row('44', '0.05')] });
    expect(v2.status).toBe(201);
    expect(v2.body.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2025-03-01T00:00:00Z', '2025-06-01T00:00:00Z']);
    const taken = await app.admin('POST', '/api/v1/rate-sheets/itc/versions', { effectiveFrom: '2025-06-01T00:00:00Z', rows: [row('44', '0.05')] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('effective_from_taken');

    const march = await app.admin('GET', '/api/v1/rate-sheets/itc/lookup?number=442079460958&at=2025-04-01T00:00:00Z');
    expect(march.body.rate).toMatchObject({ prefix: '4420', intervals: [{ ratePerMinute: '0.2' }, { ratePerMinute: '0.08' }] });
    const june = await app.admin('GET', '/api/v1/rate-sheets/itc/lookup?number=442079460958&at=2025-07-01T00:00:00Z');
    expect(june.body.rate).toMatchObject({ prefix: '44', intervals: [{ ratePerMinute: '0.2' }, { ratePerMinute: '0.05' }] });
    const before = await app.admin('GET', '/api/v1/rate-sheets/itc/lookup?number=44&at=2025-01-01T00:00:00Z');
    expect(before.body.code).toBe('no_rate_sheet');

    // derived: base × 1.125, rounded up to micros, following the base's versions
    const derived = await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'agent-a', name: 'Agent A', markupPercent: '12.5' });
    expect(derived.status).toBe(201);
    expect(derived.body).toMatchObject({ kind: 'derived', baseSheetId: 'itc', markupPercent: '12.5' });
    const marked = await app.admin('GET', '/api/v1/rate-sheets/agent-a/lookup?number=442079460958&at=2025-04-01T00:00:00Z');
    expect(marked.body).toMatchObject({ sheetId: 'agent-a', markupPercent: '12.5', rate: { connectFee: '0.45', intervals: [{ ratePerMinute: '0.225' }, { ratePerMinute: '0.09' }] } });
    expect((await app.admin('GET', '/api/v1/rate-sheets/agent-a/lookup?number=442079460958&at=2025-07-01T00:00:00Z')).body.rate.intervals[1].ratePerMinute).toBe('0.05625');
    // a sheet derived from a derived sheet (an agent's own over ITC's sheet for it): both markups, each rounded up
    const ofDerived = await app.admin('POST', '/api/v1/rate-sheets/agent-a/derived', { sheetId: 'sub', name: 'Sub', markupPercent: '10' });
    expect(ofDerived.status).toBe(201);
    expect(ofDerived.body).toMatchObject({ kind: 'derived', baseSheetId: 'agent-a', markupPercent: '10', versions: [{}, {}] });
    const sub = await app.admin('GET', '/api/v1/rate-sheets/sub/lookup?number=442079460958&at=2025-07-01T00:00:00Z');
    expect(sub.body).toMatchObject({ markupPercent: '10', rate: { connectFee: '0.495', intervals: [{ ratePerMinute: '0.2475' }, { ratePerMinute: '0.061875' }] } });
    expect((await app.admin('POST', '/api/v1/rate-sheets/sub/derived', { name: 'Sub sub', markupPercent: '1' })).body.code).toBe('base_is_derived');
    // accounts' sheet query: parent, markup, owner (ITC: null)
    const info = async (id: string) => (await app.service('GET', `/api/v1/internal/rating/sheets/${id}`)).body;
    expect(await info('itc')).toEqual({ sheetId: 'itc', exists: true, parentSheetId: null, markupPercent: null, ownerAgentId: null });
    expect(await info('sub')).toEqual({ sheetId: 'sub', exists: true, parentSheetId: 'agent-a', markupPercent: '10', ownerAgentId: null });
    expect(await info('nope')).toEqual({ sheetId: 'nope', exists: false, parentSheetId: null, markupPercent: null, ownerAgentId: null });
    const version = await app.admin('POST', '/api/v1/rate-sheets/agent-a/versions', { rows: [row('1', '0.1')] });
    expect(version.body.code).toBe('not_a_base_sheet');
    const changed = await app.admin('PATCH', '/api/v1/rate-sheets/agent-a', { markupPercent: '20' });
    expect(changed.status).toBe(200);
    expect(changed.body.markups.map((m: { markupPercent: string }) => m.markupPercent)).toEqual(['12.5', '20']);
    const derivedRows = await app.admin('GET', '/api/v1/rate-sheets/agent-a');
    expect(derivedRows.body.rows.items[0]).toMatchObject({ prefix: '44', connectFee: '0.48' });
    // the markup in force now is what accounts is told; the sub-sheet's rows carry both markups (0.48 × 1.1)
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/agent-a')).body).toMatchObject({ parentSheetId: 'itc', markupPercent: '20' });
    expect((await app.admin('GET', '/api/v1/rate-sheets/sub')).body.rows.items[0]).toMatchObject({ prefix: '44', connectFee: '0.528' });

    // imports are ITC's; an agent sees only its assigned sheet and its own (agent-sheets.int.spec.ts), a customer none
    const agentToken = await app.token('agent', 'someone');
    expect((await app.request('POST', '/api/v1/rate-sheets/itc/versions', { token: agentToken, body: { rows: [row('1', '0.1')] } })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/rate-sheets/itc', { token: agentToken })).body.code).toBe('sheet_not_found');
    expect((await app.request('GET', '/api/v1/rate-sheets/itc', { token: await app.token('customer', 'someone') })).status).toBe(403);
  });
});
