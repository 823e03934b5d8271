// GET /api/v1/wallet/balances and /wallet/open-holds through the public API: agents' and
// customers' balances in one page, the watchlist of those in debt or below their threshold,
// the calls in progress (open holds) — each scoped (admin all or one agent, an agent its own
// customers, another agent's id a 404, a customer 403), with money as decimal strings.
import { parseMoney } from '@billing/money';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

describe('balance lists and open holds', () => {
  const app = WalletTestApp.perFile();
  let agentToken: string;
  let otherAgentToken: string;
  let customerToken: string;

  beforeAll(async () => {
    await app.openAgent('ag-w1', { commissionPercent: '0', lowBalanceThreshold: '50' });
    await app.openAgent('ag-w2', { commissionPercent: '0', lowBalanceThreshold: '5' });
    agentToken = await app.token('agent', 'ag-w1');
    otherAgentToken = await app.token('agent', 'ag-w2');
    const post = (path: string, token: string, body: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
    expect((await post('/agents/ag-w1/deposits', app.adminToken, { amount: '100', reference: 'BANK-W1' })).status).toBe(201);
    expect((await post('/agents/ag-w2/deposits', app.adminToken, { amount: '3', reference: 'BANK-W2' })).status).toBe(201); // below its 5
    await app.openCustomer('cu-w-ok', 'ag-w1', { lowBalanceThreshold: '1' });
    await app.openCustomer('cu-w-low', 'ag-w1', { lowBalanceThreshold: '5' });
    await app.openCustomer('cu-w-debt', 'ag-w1', { lowBalanceThreshold: '0' });
    await app.openCustomer('cu-w-other', 'ag-w2', { lowBalanceThreshold: '5' }); // another agent's, at 0 (low)
    await app.openCustomer('cu-w-itc', null, { lowBalanceThreshold: '0' });
    expect((await post('/customers/cu-w-ok/deposits', agentToken, { amount: '20', reference: 'INV, "42"' })).status).toBe(201);
    expect((await post('/customers/cu-w-low/deposits', agentToken, { amount: '4' })).status).toBe(201);
    expect((await post('/customers/cu-w-debt/deposits', agentToken, { amount: '1' })).status).toBe(201);
    // a call charged beyond what it had: in debt by 0.5
    expect(await app.calls.chargeCall({ customerId: 'cu-w-debt', callId: 'w-call-debt', costMicros: parseMoney('1.5') })).toMatchObject({ charged: true });
    // two calls in progress on agent 1's customer, one on ITC's
    expect(await app.calls.placeHold({ customerId: 'cu-w-ok', callId: 'w-call-1', requestedMicros: parseMoney('2') })).toMatchObject({ granted: true });
    expect(await app.calls.placeHold({ customerId: 'cu-w-ok', callId: 'w-call-2', requestedMicros: parseMoney('0.5') })).toMatchObject({ granted: true });
    customerToken = await app.token('customer', 'cu-w-ok');
    await app.projections.waitForCatchUp();
  }, 90_000);

  const get = async (path: string, token: string) => app.request('GET', `/api/v1${path}`, { token });
  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  it("lists an agent's customers with balances, and only those needing money on its watchlist", async () => {
    const all = await get('/wallet/balances', agentToken);
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    expect(ids(all.body)).toEqual(['cu-w-debt', 'cu-w-low', 'cu-w-ok']);
    expect(all.body.items.find((item: { id: string }) => item.id === 'cu-w-ok')).toEqual({
      kind: 'customer',
      id: 'cu-w-ok',
      account: 'customer:cu-w-ok',
      status: expect.any(String),
      billingType: 'prepaid',
      agentId: 'ag-w1',
      balance: '20',
      held: '2.5',
      available: '17.5',
      creditLimit: '0',
      inDebt: false,
      debt: '0',
      lowBalanceThreshold: '1',
      belowThreshold: false,
      updatedAt: expect.any(String),
    });
    const watch = await get('/wallet/balances?needsMoney=true', agentToken);
    expect(watch.body.items.map((item: { id: string; inDebt: boolean; belowThreshold: boolean; debt: string }) => [item.id, item.inDebt, item.belowThreshold, item.debt])).toEqual([
      ['cu-w-debt', true, true, '0.5'],
      ['cu-w-low', false, true, '0'],
    ]);
    // its own agent row only, never another agent's
    expect(ids((await get('/wallet/balances?kind=agent', agentToken)).body)).toEqual(['ag-w1']);
    expect((await get('/wallet/balances?agentId=ag-w2', agentToken)).status).toBe(404);
    expect((await get('/wallet/balances', customerToken)).status).toBe(403);
  });

  it('gives ITC every agent or customer, one agent, ITC-direct, a page of ids, and pages', async () => {
    const agents = await get('/wallet/balances?kind=agent&ids=ag-w1,ag-w2,ag-nobody', app.adminToken);
    expect(agents.body.items.map((item: { id: string; balance: string; belowThreshold: boolean }) => [item.id, item.balance, item.belowThreshold])).toEqual([
      ['ag-w1', '75', false],
      ['ag-w2', '3', true],
    ]);
    expect(ids((await get('/wallet/balances?kind=agent&needsMoney=true&ids=ag-w1,ag-w2', app.adminToken)).body)).toEqual(['ag-w2']);
    expect(ids((await get('/wallet/balances?agentId=ag-w2', app.adminToken)).body)).toEqual(['cu-w-other']);
    expect(ids((await get('/wallet/balances?agentId=itc', app.adminToken)).body)).toEqual(['cu-w-itc']);
    const first = await get('/wallet/balances?agentId=ag-w1&limit=2', app.adminToken);
    expect(ids(first.body)).toEqual(['cu-w-debt', 'cu-w-low']);
    const second = await get(`/wallet/balances?agentId=ag-w1&limit=2&cursor=${first.body.nextCursor}`, app.adminToken);
    expect([ids(second.body), second.body.nextCursor]).toEqual([['cu-w-ok'], null]);
  });

  it('refuses bad filters and cursors with a 400 naming them', async () => {
    const bad = await get('/wallet/balances?kind=commission', app.adminToken);
    expect([bad.status, bad.body.code, bad.body.errors[0].path]).toEqual([400, 'validation', '/kind']);
    expect((await get('/wallet/balances?needsMoney=yes', app.adminToken)).body.errors[0].path).toBe('/needsMoney');
    expect((await get('/wallet/balances?cursor=bm9wZQ', app.adminToken)).body.code).toBe('invalid_cursor');
    expect((await get('/wallet/balances?colour=red', app.adminToken)).status).toBe(400);
  });

  it("exports a customer's and an agent's ledger lines as CSV (?format=csv or Accept: text/csv), scoped", async () => {
    const csv = await app.request('GET', '/api/v1/customers/cu-w-ok/transactions?format=csv', { token: agentToken });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="transactions-cu-w-ok.csv"');
    const json = (await get('/customers/cu-w-ok/transactions', agentToken)).body;
    const lines = csv.text.trimEnd().split('\n');
    expect(lines[0]).toBe('id,type,kind,ref,reference,amount,balance_after,customer_id,actor,occurred_at');
    expect(lines).toHaveLength(1 + json.items.length);
    const transfer = json.items.find((item: { reference: string | null }) => item.reference !== null);
    const quoted = `"INV, ""42"""`;
    expect(lines).toContain([transfer.id, transfer.type, transfer.kind, transfer.ref, quoted, '20', '20', 'cu-w-ok', transfer.actor, transfer.occurredAt].join(','));
    const viaAccept = await app.request('GET', '/api/v1/customers/cu-w-ok/transactions', { token: customerToken, headers: { accept: 'text/csv' } });
    expect(viaAccept.text).toBe(csv.text);
    const agentCsv = await app.request('GET', '/api/v1/agents/ag-w1/transactions?format=csv', { token: agentToken });
    expect(agentCsv.text.trimEnd().split('\n')).toHaveLength(1 + (await get('/agents/ag-w1/transactions', agentToken)).body.items.length);
    // limit and cursor are ignored for CSV (not decoded: junk is no 400), as the JSON list does not
    for (const path of ['/agents/ag-w1/transactions', '/customers/cu-w-ok/transactions']) {
      const whole = await app.request('GET', `/api/v1${path}?format=csv`, { token: agentToken });
      const ignored = await app.request('GET', `/api/v1${path}?format=csv&limit=1&cursor=junk`, { token: agentToken });
      expect([path, ignored.status, ignored.text]).toEqual([path, 200, whole.text]);
      expect([path, (await get(`${path}?cursor=junk`, agentToken)).body.code]).toEqual([path, 'invalid_cursor']);
    }
    expect((await app.request('GET', '/api/v1/agents/ag-w1/transactions?format=csv', { token: otherAgentToken })).status).toBe(404);
    expect((await app.request('GET', '/api/v1/customers/cu-w-ok/transactions?format=csv', { token: otherAgentToken })).status).toBe(404);
    expect((await app.request('GET', '/api/v1/customers/cu-w-ok/transactions?format=xml', { token: agentToken })).status).toBe(400);
  });

  it('counts the calls in progress (open holds), scoped', async () => {
    const mine = await get('/wallet/open-holds', agentToken);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      count: 2,
      held: '2.5',
      items: expect.arrayContaining([
        { customerId: 'cu-w-ok', agentId: 'ag-w1', callId: 'w-call-1', held: '2', expiresAt: expect.any(String) },
        { customerId: 'cu-w-ok', agentId: 'ag-w1', callId: 'w-call-2', held: '0.5', expiresAt: expect.any(String) },
      ]),
    });
    expect((await get('/wallet/open-holds', otherAgentToken)).body).toEqual({ count: 0, held: '0', items: [] });
    expect((await get('/wallet/open-holds?agentId=ag-w1', otherAgentToken)).status).toBe(404);
    expect((await get('/wallet/open-holds?limit=0', app.adminToken)).body).toEqual({ count: 2, held: '2.5', items: [] });

    // the CDR settles one: it is no longer in progress
    expect(await app.calls.chargeCall({ customerId: 'cu-w-ok', callId: 'w-call-2', costMicros: parseMoney('0.1') })).toMatchObject({ charged: true });
    await app.projections.waitForCatchUp();
    expect((await get('/wallet/open-holds?agentId=ag-w1', app.adminToken)).body).toMatchObject({ count: 1, held: '2' });
    expect((await get('/wallet/open-holds', customerToken)).status).toBe(403);
    expect(app.gw.undocumentedProblems()).toEqual([]);
  });
});
