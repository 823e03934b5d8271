// Issue 12 §1 and §12 through the HTTP API: an agent derives its own sheets from the sheet ITC
// assigned to it (never from ITC's base or another agent's), at a markup ≥ 0, sees and re-prices
// only those; accounts' sheet query tells parent, markup and owner; customers see the prices they
// are billed and agents the sheet they buy at — each only its own (404 otherwise).
import { MAX_SHEETS_PER_AGENT } from '@billing/rating-domain';
import { DECK_HEADER } from './__fixtures__/decks.js';
import { RatingTestApp } from './__fixtures__/rating-test-app.js';

const uk = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };
const london = { prefix: '4420', destination: 'London', connectFee: '0.01', intervals: [{ startSecond: 0, ratePerMinute: '0.08', incrementSeconds: 1 }] };

describe('agent sheets and price lists', () => {
  let app: RatingTestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) => app.request(method, path, { token: tokens[who]!, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'itc', name: 'ITC', effectiveFrom: '2020-01-01T00:00:00Z', rows: [uk, london] })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'for-a', name: 'Agent A (+20 %)', markupPercent: '20' })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'for-b', name: 'Agent B (+10 %)', markupPercent: '10' })).status).toBe(201);
    await app.openAgent('ag-a', 'for-a');
    await app.openAgent('ag-b', 'for-b');
    tokens['ag-a'] = await app.token('agent', 'ag-a');
    tokens['ag-b'] = await app.token('agent', 'ag-b');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('an agent derives from its assigned sheet only, at a markup of at least 0 %, and owns what it derives', async () => {
    const derived = await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-plus-5', name: 'A retail', markupPercent: '5' });
    expect(derived.status).toBe(201);
    expect(derived.body).toMatchObject({ sheetId: 'a-plus-5', kind: 'derived', baseSheetId: 'for-a', markupPercent: '5', ownerAgentId: 'ag-a' });
    // accounts' query: the parent, the markup and the owner
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/a-plus-5')).body).toEqual({ sheetId: 'a-plus-5', exists: true, parentSheetId: 'for-a', markupPercent: '5', ownerAgentId: 'ag-a' });
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/for-a')).body).toEqual({ sheetId: 'for-a', exists: true, parentSheetId: 'itc', markupPercent: '20', ownerAgentId: null });
    // priced on top of what the agent pays: 0.10 × 1.2 × 1.05
    expect((await as('ag-a', 'GET', '/api/v1/rate-sheets/a-plus-5/lookup?number=447700900123')).body).toMatchObject({ markupPercent: '5', ratePerMinute: '0.126' });

    // ITC's base and another agent's sheet do not exist for it; its own derived sheet is not its assigned one
    for (const other of ['itc', 'for-b']) {
      const refused = await as('ag-a', 'POST', `/api/v1/rate-sheets/${other}/derived`, { sheetId: `a-from-${other}`, name: 'x', markupPercent: '5' });
      expect([refused.status, refused.body.code]).toEqual([404, 'sheet_not_found']);
    }
    const fromOwn = await as('ag-a', 'POST', '/api/v1/rate-sheets/a-plus-5/derived', { sheetId: 'a-from-own', name: 'x', markupPercent: '5' });
    expect([fromOwn.status, fromOwn.body.code]).toEqual([403, 'not_assigned_sheet']);
    // below cost: 422, nothing created
    const negative = await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-minus', name: 'x', markupPercent: '-0.5' });
    expect([negative.status, negative.body.code]).toEqual([422, 'invalid_markup']);
    const over = await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-over', name: 'x', markupPercent: '1000.01' });
    expect([over.status, over.body.code]).toEqual([422, 'invalid_markup']);
    for (const id of ['a-from-itc', 'a-from-for-b', 'a-from-own', 'a-minus', 'a-over']) {
      expect((await app.service('GET', `/api/v1/internal/rating/sheets/${id}`)).body.exists).toBe(false);
    }
    // the same derive again is the same sheet (a retry); at another markup the id is taken
    expect((await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-plus-5', name: 'A retail', markupPercent: '5' })).status).toBe(201);
    expect((await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-plus-5', name: 'A retail', markupPercent: '6' })).body.code).toBe('sheet_exists');
  });

  it("an agent sees its assigned sheet (without ITC's base and markup) and its own sheets, nothing else", async () => {
    expect((await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'a-zero', name: 'A at cost', markupPercent: '0' })).status).toBe(201);
    const list = await as('ag-a', 'GET', '/api/v1/rate-sheets');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { sheetId: 'a-plus-5', kind: 'derived', name: 'A retail', baseSheetId: 'for-a', ownerAgentId: 'ag-a' },
      { sheetId: 'a-zero', kind: 'derived', name: 'A at cost', baseSheetId: 'for-a', ownerAgentId: 'ag-a' },
      { sheetId: 'for-a', kind: 'derived', name: 'Agent A (+20 %)', baseSheetId: null, ownerAgentId: null },
    ]);
    expect((await as('ag-b', 'GET', '/api/v1/rate-sheets')).body.items.map((item: { sheetId: string }) => item.sheetId)).toEqual(['for-b']);
    expect((await app.admin('GET', '/api/v1/rate-sheets')).body.items.map((item: { sheetId: string }) => item.sheetId)).toEqual(['a-plus-5', 'a-zero', 'for-a', 'for-b', 'itc']);

    const assigned = await as('ag-a', 'GET', '/api/v1/rate-sheets/for-a');
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ sheetId: 'for-a', baseSheetId: null, markupPercent: null, markups: [], ownerAgentId: null });
    expect(assigned.body.rows.items.map((row: { intervals: { ratePerMinute: string }[] }) => row.intervals[0]!.ratePerMinute)).toEqual(['0.12', '0.096']);
    expect((await as('ag-a', 'GET', '/api/v1/rate-sheets/for-a/lookup?number=44207946')).body).toMatchObject({ markupPercent: null, ratePerMinute: '0.096' });
    // ITC sees the lineage
    expect((await app.admin('GET', '/api/v1/rate-sheets/for-a')).body).toMatchObject({ baseSheetId: 'itc', markupPercent: '20' });

    for (const [who, id] of [['ag-a', 'itc'], ['ag-a', 'for-b'], ['ag-b', 'a-plus-5'], ['ag-b', 'nope']] as const) {
      const view = await as(who, 'GET', `/api/v1/rate-sheets/${id}`);
      expect([view.status, view.body.code]).toEqual([404, 'sheet_not_found']);
      expect((await as(who, 'GET', `/api/v1/rate-sheets/${id}/lookup?number=44`)).status).toBe(404);
    }
    // importing stays ITC's; customers have no sheet routes
    expect((await as('ag-a', 'POST', '/api/v1/rate-sheets/itc/versions', { rows: [uk] })).status).toBe(403);
    expect((await as('ag-a', 'POST', '/api/v1/rate-sheets', { name: 'mine', rows: [uk] })).status).toBe(403);
  });

  it('an agent changes the markup of its own sheets only (≥ 0); ITC of any derived sheet', async () => {
    const changed = await as('ag-a', 'PATCH', '/api/v1/rate-sheets/a-plus-5', { markupPercent: '7' });
    expect(changed.status).toBe(200);
    expect(changed.body.markups.map((m: { markupPercent: string }) => m.markupPercent)).toEqual(['5', '7']);
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/a-plus-5')).body.markupPercent).toBe('7');

    const negative = await as('ag-a', 'PATCH', '/api/v1/rate-sheets/a-plus-5', { markupPercent: '-1' });
    expect([negative.status, negative.body.code]).toEqual([422, 'invalid_markup']);
    const assigned = await as('ag-a', 'PATCH', '/api/v1/rate-sheets/for-a', { markupPercent: '0' });
    expect([assigned.status, assigned.body.code]).toEqual([403, 'not_sheet_owner']);
    const others = await as('ag-b', 'PATCH', '/api/v1/rate-sheets/a-plus-5', { markupPercent: '0' });
    expect([others.status, others.body.code]).toEqual([404, 'sheet_not_found']);
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/a-plus-5')).body.markupPercent).toBe('7');
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/for-a')).body.markupPercent).toBe('20');

    expect((await app.admin('PATCH', '/api/v1/rate-sheets/a-plus-5', { markupPercent: '8' })).body).toMatchObject({ markupPercent: '8', ownerAgentId: 'ag-a' });
  });

  it('a customer sees the prices it is billed; its agent and ITC too; nobody else', async () => {
    const carol = await app.openCustomer('carol', { agentId: 'ag-a', rateSheetId: 'a-zero', initialBalance: '10' });
    await app.openCustomer('dave', { agentId: 'ag-b', rateSheetId: 'for-b', initialBalance: '10' });
    tokens.carol = await app.token('customer', 'carol');
    tokens.dave = await app.token('customer', 'dave');

    const rates = await as('carol', 'GET', '/api/v1/customers/carol/rates?limit=1');
    expect(rates.status).toBe(200);
    expect(rates.body).toMatchObject({ sheetId: 'a-zero', rounding: { decimals: 4, mode: 'up' }, rows: { items: [{ prefix: '44', intervals: [{ ratePerMinute: '0.12' }] }] } });
    expect(rates.body).not.toHaveProperty('markupPercent');
    const next = await as('carol', 'GET', `/api/v1/customers/carol/rates?limit=1&cursor=${rates.body.rows.nextCursor}`);
    expect(next.body.rows).toMatchObject({ items: [{ prefix: '4420', connectFee: '0.012' }], nextCursor: null });

    const lookup = await as('carol', 'GET', '/api/v1/customers/carol/rates/lookup?number=%2B44%2020%207946%200958');
    expect(lookup.body).toMatchObject({ number: '442079460958', sheetId: 'a-zero', ratePerMinute: '0.096', rate: { prefix: '4420', connectFee: '0.012' } });
    expect(lookup.body).not.toHaveProperty('markupPercent');
    // what the lookup says is what a call costs: 60 s at 0.096/min + 0.012 connect = 0.108
    const cdr = await app.switch('POST', '/api/v1/switch/cdrs', {
      callId: 'carol-1',
      account: carol.accountNumber,
      callerId: '',
      destination: '+44 20 7946 0958',
      startedAt: new Date(Date.now() - 120_000).toISOString(),
      answeredAt: new Date(Date.now() - 115_000).toISOString(),
      endedAt: new Date(Date.now() - 55_000).toISOString(),
      billsec: 60,
      disposition: 'answered',
    });
    expect(cdr.body).toMatchObject({ status: 'rated', cost: '0.108' });

    expect((await as('ag-a', 'GET', '/api/v1/customers/carol/rates/lookup?number=44')).body.sheetId).toBe('a-zero');
    expect((await app.admin('GET', '/api/v1/customers/carol/rates')).status).toBe(200);
    for (const [who, path] of [
      ['dave', '/api/v1/customers/carol/rates'],
      ['dave', '/api/v1/customers/carol/rates/lookup?number=44'],
      ['ag-b', '/api/v1/customers/carol/rates'],
      ['carol', '/api/v1/customers/nobody/rates'],
    ] as const) {
      expect((await as(who, 'GET', path)).status).toBe(404);
    }
    const bad = await as('carol', 'GET', '/api/v1/customers/carol/rates/lookup?number=*97');
    expect([bad.status, bad.body.code]).toEqual([422, 'invalid_destination']);
    const none = await as('carol', 'GET', '/api/v1/customers/carol/rates/lookup?number=33123');
    expect([none.status, none.body.code]).toEqual([404, 'no_rate']);
    expect((await as('carol', 'GET', '/api/v1/rate-sheets/a-zero')).status).toBe(403);
  });

  it('an agent sees the sheet it buys at; another agent and customers do not', async () => {
    const rates = await as('ag-a', 'GET', '/api/v1/agents/ag-a/rates');
    expect(rates.status).toBe(200);
    expect(rates.body).toMatchObject({ sheetId: 'for-a', rows: { nextCursor: null } });
    expect(rates.body.rows.items.map((row: { intervals: { ratePerMinute: string }[] }) => row.intervals[0]!.ratePerMinute)).toEqual(['0.12', '0.096']);
    expect((await as('ag-a', 'GET', '/api/v1/agents/ag-a/rates/lookup?number=447700900123')).body).toMatchObject({ sheetId: 'for-a', ratePerMinute: '0.12' });
    expect((await app.admin('GET', '/api/v1/agents/ag-b/rates/lookup?number=447700900123')).body).toMatchObject({ sheetId: 'for-b', ratePerMinute: '0.11' });
    expect((await as('ag-b', 'GET', '/api/v1/agents/ag-a/rates')).status).toBe(404);
    expect((await as('ag-b', 'GET', '/api/v1/agents/ag-a/rates/lookup?number=44')).status).toBe(404);
    expect((await app.admin('GET', '/api/v1/agents/nobody/rates')).status).toBe(404);
    expect((await as('carol', 'GET', '/api/v1/agents/ag-a/rates')).status).toBe(403);
  });

  it('concurrent derives of one sheet id create it once; concurrent markup changes each land once, in some order', async () => {
    const markups = ['1', '2', '3', '4', '5', '6'];
    const answers = await Promise.all(markups.map((markupPercent) => as('ag-b', 'POST', '/api/v1/rate-sheets/for-b/derived', { sheetId: 'b-race', name: 'B race', markupPercent })));
    const won = answers.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409).map((answer) => answer.body.code)).toEqual(Array(5).fill('sheet_exists'));
    expect((await app.db.store.readStream('ratesheet-b-race')).map((event) => event.type)).toEqual(['DerivedSheetCreated']);
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/b-race')).body).toMatchObject({ ownerAgentId: 'ag-b', markupPercent: won[0]!.body.markupPercent });

    const changes = await Promise.all(['10', '11', '12', '13'].map((markupPercent) => as('ag-b', 'PATCH', '/api/v1/rate-sheets/b-race', { markupPercent })));
    expect(changes.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const history = (await app.db.store.readStream('ratesheet-b-race')).filter((event) => event.type === 'MarkupChanged');
    expect(history).toHaveLength(4);
    // what accounts is told is the last change recorded
    const last = (history[3]!.data as { markupMicroPercent: bigint | string }).markupMicroPercent;
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/b-race')).body.markupPercent).toBe(String(BigInt(last) / 1_000_000n));
  });

  it(`an agent owns at most ${MAX_SHEETS_PER_AGENT} derived sheets, even when it derives them all at once`, async () => {
    await app.openAgent('ag-cap', 'for-a');
    tokens['ag-cap'] = await app.token('agent', 'ag-cap');
    const ids = Array.from({ length: MAX_SHEETS_PER_AGENT + 5 }, (_, i) => `cap-${i}`);
    const answers = await Promise.all(ids.map((sheetId) => as('ag-cap', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId, name: sheetId, markupPercent: '1' })));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(MAX_SHEETS_PER_AGENT);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(Array(5).fill([409, 'too_many_sheets']));
    const { rows } = await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${app.db.table('rate_sheets')} WHERE owner_agent_id = 'ag-cap'`);
    expect(rows[0]!.n).toBe(MAX_SHEETS_PER_AGENT);
    // a retry of one it owns is still the same sheet; ITC is not capped
    const owned = answers.find((answer) => answer.status === 201)!.body.sheetId as string;
    expect((await as('ag-cap', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: owned, name: owned, markupPercent: '1' })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'itc-uncapped', name: 'ITC uncapped', markupPercent: '1' })).status).toBe(201);
  });

  it("an agent's sheets have different names (in any case): 409 name_taken, and of concurrent derives of one name exactly one wins", async () => {
    await app.openAgent('ag-names', 'for-a');
    tokens['ag-names'] = await app.token('agent', 'ag-names');
    const derive = (sheetId: string, name: string, who = 'ag-names', from = 'for-a') => as(who, 'POST', `/api/v1/rate-sheets/${from}/derived`, { sheetId, name, markupPercent: '3' });
    expect((await derive('names-1', 'Acme retail')).status).toBe(201);
    const again = await derive('names-2', 'ACME Retail');
    expect([again.status, again.body.code]).toEqual([409, 'name_taken']);
    expect((await app.service('GET', '/api/v1/internal/rating/sheets/names-2')).body.exists).toBe(false);
    expect((await derive('names-b', 'Acme retail', 'ag-b', 'for-b')).status).toBe(201); // another agent's own
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => derive(`names-race-${i}`, 'Race retail')));
    expect(answers.map((answer) => [answer.status, answer.body.code ?? 'created']).sort()).toEqual([[201, 'created'], ...Array(5).fill([409, 'name_taken'])]);
    const { rows } = await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${app.db.table('rate_sheets')} WHERE owner_agent_id = 'ag-names' AND name = 'Race retail'`);
    expect(rows[0]!.n).toBe(1);
  });

  it("ITC's own sheets have different names too (in any case): of concurrent imports and derives of one name exactly one wins", async () => {
    const imported = await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'itc-names-base', name: 'ITC   names', rows: [uk] });
    expect(imported.status).toBe(201);
    const clash = await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'itc-names-derived', name: 'itc   NAMES', markupPercent: '1' });
    expect(imported.body.name).toBe('ITC names');
    expect([clash.status, clash.body.code, clash.body.detail]).toEqual([409, 'name_taken', 'ITC has a rate sheet named "ITC names" already (sheet itc-names-base): choose another name']);
    // an agent's name is not ITC's: ITC may use it, and the agent keeps its own
    expect((await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'itc-acme', name: 'Acme retail', markupPercent: '1' })).status).toBe(201);

    const racers = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0
        ? app.admin('POST', '/api/v1/rate-sheets', { sheetId: `itc-race-${i}`, name: 'ITC race', rows: [uk] })
        : app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: `itc-race-${i}`, name: 'ITC race', markupPercent: '2' }),
    );
    const answers = await Promise.all(racers);
    expect(answers.map((answer) => [answer.status, answer.body.code ?? 'created']).sort()).toEqual([[201, 'created'], ...Array(5).fill([409, 'name_taken'])]);
    const { rows } = await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${app.db.table('rate_sheets')} WHERE owner_agent_id IS NULL AND name = 'ITC race'`);
    expect(rows[0]!.n).toBe(1);
    // a refused import leaves no staged rows behind
    const staged = await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${app.db.table('rate_imports')} WHERE sheet_id LIKE 'itc-race-%' AND status = 'staged'`);
    expect(staged.rows[0]!.n).toBe(0);
  });

  it('names that look the same are the same: a no-break space, more spaces or a zero-width space do not make another name', async () => {
    const csv = `${DECK_HEADER}44,United Kingdom,0,0,0.10,60,,,\n`;
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'look-base', name: 'ITC look', rows: [uk] })).status).toBe(201);
    const nbsp = await app.postText('/api/v1/rate-sheets?name=itc%C2%A0LOOK&sheetId=look-nbsp', csv, 'admin');
    expect([nbsp.status, nbsp.body.code, nbsp.body.detail]).toEqual([409, 'name_taken', 'ITC has a rate sheet named "ITC look" already (sheet look-base): choose another name']);
    expect((await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'look-sell', name: 'Acme sell', markupPercent: '1' })).status).toBe(201);
    const doubled = await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'look-double', name: 'ACME  sell', markupPercent: '1' });
    expect([doubled.status, doubled.body.code, doubled.body.detail]).toEqual([409, 'name_taken', 'ITC has a rate sheet named "Acme sell" already (sheet look-sell): choose another name']);
    // an invisible character is refused: it would show as another name does
    for (const name of ['Acme\u200bsell', '\ufeffAcme list', 'Acme \u202elist']) {
      const invisible = await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'look-invisible', name, markupPercent: '1' });
      expect([invisible.status, invisible.body.code]).toEqual([422, 'invalid_name']);
    }
    const zeroWidth = await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'look-invisible', name: 'ITC\u200blook', rows: [uk] });
    expect([zeroWidth.status, zeroWidth.body.code]).toEqual([422, 'invalid_name']);
    // surrounding and inner spaces are normalised, and that is the name stored and shown
    const spaced = await app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId: 'look-spaced', name: '  Acme\u00a0 list ', markupPercent: '1' });
    expect([spaced.status, spaced.body.name]).toEqual([201, 'Acme list']);
    const json = await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'look-json', name: ' ITC  look 2 ', rows: [uk] });
    expect([json.status, json.body.name]).toEqual([201, 'ITC look 2']);
    // an agent's own sheets: the same rule
    const agentSheet = await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'look-a', name: 'A look', markupPercent: '2' });
    expect(agentSheet.status).toBe(201);
    const agentLookalike = await as('ag-a', 'POST', '/api/v1/rate-sheets/for-a/derived', { sheetId: 'look-a2', name: 'a\u00a0LOOK', markupPercent: '2' });
    expect([agentLookalike.status, agentLookalike.body.detail]).toEqual([409, 'the agent has a rate sheet named "A look" already (sheet look-a): choose another name']);
    for (const id of ['look-nbsp', 'look-double', 'look-invisible', 'look-a2']) expect((await app.service('GET', `/api/v1/internal/rating/sheets/${id}`)).body.exists).toBe(false);
    const staged = await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${app.db.table('rate_imports')} WHERE sheet_id IN ('look-nbsp', 'look-invisible')`);
    expect(staged.rows[0]!.n).toBe(0);
  });

  it('a name is answered alike by every route (CSV, JSON, derive): its 100-character limit is on the normal form; lookalikes by NFKC and case folding', async () => {
    const csv = `${DECK_HEADER}44,United Kingdom,0,0,0.10,60,,,\n`;
    const routes = {
      csv: (sheetId: string, name: string) => app.postText(`/api/v1/rate-sheets?name=${encodeURIComponent(name)}&sheetId=${sheetId}`, csv, 'admin'),
      json: (sheetId: string, name: string) => app.admin('POST', '/api/v1/rate-sheets', { sheetId, name, rows: [uk] }),
      derive: (sheetId: string, name: string) => app.admin('POST', '/api/v1/rate-sheets/itc/derived', { sheetId, name, markupPercent: '1' }),
    };
    expect((await routes.json('route-base', 'Route Straße')).status).toBe(201);
    for (const [route, send] of Object.entries(routes)) {
      // 99 characters padded with spaces past 100 as sent: a valid name (was 400 validation by CSV and derive)
      const padded = await send(`pad-${route}`, `${' '.repeat(150)}${route} ${'p'.repeat(90)}${' '.repeat(150)}`);
      expect([route, padded.status, padded.body.name]).toEqual([route, 201, `${route} ${'p'.repeat(90)}`]);
      // over 100 in its normal form, or blank: the sheet's rule, 422 (CSV and derive were 400 validation)
      for (const name of ['x'.repeat(101), '', '   ']) expect([route, name, (await send(`long-${route}`, name)).body.code]).toEqual([route, name, 'invalid_name']);
      // beyond the bound as sent: 400 everywhere (the JSON import was 422)
      expect([route, (await send(`huge-${route}`, 'x'.repeat(401))).status]).toEqual([route, 400]);
      // lookalikes of "Route Straße": fullwidth letters, SS, a capital sharp s; an emoji variation selector or a Hangul filler is invisible
      for (const name of ['\uff32\uff4f\uff55\uff54\uff45 stra\u00dfe', 'ROUTE STRASSE', 'route stra\u1e9ee']) {
        expect([route, name, (await send(`alike-${route}`, name)).body.code]).toEqual([route, name, 'name_taken']);
      }
      for (const name of ['Route\ufe0f Straße', 'Route \u3164Straße']) expect([route, name, (await send(`alike-${route}`, name)).body.code]).toEqual([route, name, 'invalid_name']);
    }
  });

  it('the routes are in the OpenAPI document with a summary and their problem codes', async () => {
    const doc = (await app.request('GET', '/api/docs-json')).body;
    for (const path of ['/api/v1/customers/{id}/rates', '/api/v1/customers/{id}/rates/lookup', '/api/v1/agents/{id}/rates', '/api/v1/agents/{id}/rates/lookup', '/api/v1/internal/rating/sheets/{id}']) {
      expect(doc.paths[path]?.get?.summary).toEqual(expect.any(String));
    }
    expect(JSON.stringify(doc.paths['/api/v1/rate-sheets/{id}/derived'].post.responses)).toContain('not_assigned_sheet');
    expect(JSON.stringify(doc.paths['/api/v1/rate-sheets/{id}'].patch.responses)).toContain('not_sheet_owner');
  });
});
