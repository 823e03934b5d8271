// The wallet's public endpoints end to end (HTTP → gateway → ledger → projections) on a real
// PostgreSQL, with ledger accounts opened from accounts' integration events on the in-process bus.
import { TEST_INTERNAL_SERVICE_KEY, TEST_SWITCH_API_KEY } from '@billing/gateway';
import { formatMoney, parseMoney } from '@billing/money';
import { agentCommissionChanged, customerOpened } from './__fixtures__/accounts-events.js';
import { WalletTestApp, waitFor } from './__fixtures__/wallet-test-app.js';

describe('wallet HTTP API', () => {
  let app: WalletTestApp;
  let agentToken: string;
  let otherAgentToken: string;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('ag-1', { commissionPercent: '10' });
    await app.openAgent('ag-2', { commissionPercent: '5' });
    agentToken = await app.token('agent', 'ag-1');
    otherAgentToken = await app.token('agent', 'ag-2');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const post = (path: string, token: string, body: unknown, key?: string) =>
    app.request('POST', `/api/v1${path}`, { token, body, ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }) });
  const get = (path: string, token: string) => app.request('GET', `/api/v1${path}`, { token });

  it('ITC deposits to an agent; the agent moves money to its customer and earns commission', async () => {
    const deposit = await post('/agents/ag-1/deposits', app.adminToken, { amount: '100', reference: 'BANK-1' });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({ amount: '100', balance: '100', commission: '0', repeated: false });

    await app.openCustomer('cu-1', 'ag-1');
    const transfer = await post('/customers/cu-1/deposits', agentToken, { amount: '25.5', reference: 'INV-7' });
    expect(transfer.status).toBe(201);
    expect(transfer.body).toMatchObject({ kind: 'transfer', amount: '25.5', reference: 'INV-7', commission: '2.55', balance: '25.5', agentBalance: '74.5' });

    await app.projections.waitForCatchUp();
    // the agent's reference is its receipt for the customer: it is on both ledger lines
    const lineOf = async (path: string) => (await get(path, agentToken)).body.items.find((line: { type: string }) => line.type.startsWith('Transferred'));
    expect(await lineOf('/agents/ag-1/transactions')).toMatchObject({ type: 'TransferredOut', reference: 'INV-7' });
    expect(await lineOf('/customers/cu-1/transactions')).toMatchObject({ type: 'TransferredIn', reference: 'INV-7' });

    // accounts' initial-balance reservations (switch key): on the ledger, refused beyond it, released
    const reserve = (agentId: string, customerId: string, amount: string, token = TEST_INTERNAL_SERVICE_KEY) =>
      post(`/internal/wallet/agents/${agentId}/initial-balance-reservations`, token, { customerId, amount });
    const releaseReservation = (customerId: string) => post(`/internal/wallet/agents/ag-1/initial-balance-reservations/${customerId}/release`, TEST_INTERNAL_SERVICE_KEY, {});
    expect((await reserve('ag-1', 'cu-reserved', '74.5')).body).toEqual({ reserved: true, agentId: 'ag-1', customerId: 'cu-reserved', amount: '74.5' });
    expect((await reserve('ag-1', 'cu-reserved', '74.5')).body).toMatchObject({ reserved: true });
    expect((await reserve('ag-1', 'cu-other', '0.01')).body).toMatchObject({ reserved: false, code: 'insufficient_funds', available: '0' });
    expect((await reserve('nobody', 'cu-x', '1')).body).toMatchObject({ reserved: false, code: 'account_not_found', available: '0' });
    expect((await reserve('ag-1', 'cu-x', '1', agentToken)).status).toBe(403);
    expect((await releaseReservation('cu-reserved')).body).toEqual({ agentId: 'ag-1', customerId: 'cu-reserved', released: true });
    expect((await releaseReservation('cu-reserved')).body).toMatchObject({ released: false });
    expect((await app.account('agent:ag-1')).reservedMicros).toBe(0n);
    const balance = await get('/customers/cu-1/balance', agentToken);
    expect(balance.body).toMatchObject({ customerId: 'cu-1', balance: '25.5', held: '0', available: '25.5', agentId: 'ag-1' });
    const overview = await get('/agents/ag-1/overview', agentToken);
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      balance: '74.5',
      commissionBalance: '2.55',
      customers: { total: 1, open: 1 },
      today: { deposits: '100', transfersToCustomers: '25.5', commissionAccrued: '2.55' },
    });
  });

  // security review: the switch key could charge any customer any amount without a call record
  it('takes only the internal service key on the internal routes: 403 for the switch key and a person, 401 without one, nothing moves', async () => {
    await app.openCustomer('cu-internal', 'ag-1');
    await post('/customers/cu-internal/deposits', agentToken, { amount: '1', reference: 'INT-1' });
    const charge = (token: string | undefined) =>
      app.request('POST', '/api/v1/internal/wallet/holds/charges', { ...(token === undefined ? {} : { token }), body: { charges: [{ customerId: 'cu-internal', callId: 'int-call-1', cost: '1' }], withinMs: 2_500 } });
    const refused = [await charge(TEST_SWITCH_API_KEY), await charge(agentToken), await charge(app.adminToken), await charge(undefined)];
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [401, 'unauthorized'],
    ]);
    const hold = await post('/internal/wallet/holds', TEST_SWITCH_API_KEY, { customerId: 'cu-internal', callId: 'int-call-2', requested: '1' });
    expect(hold.status).toBe(403);
    expect((await post('/internal/wallet/agents/ag-1/initial-balance-reservations', TEST_SWITCH_API_KEY, { customerId: 'cu-y', amount: '1' })).status).toBe(403);
    await app.projections.waitForCatchUp();
    expect((await get('/customers/cu-internal/balance', agentToken)).body).toMatchObject({ balance: '1', held: '0' });
    expect((await charge(TEST_INTERNAL_SERVICE_KEY)).body).toEqual({ results: [{ charged: true }] });
  });

  it('releases a CDR post\'s holds in one request (1–1 000), answered in order once the balance shows it; a bad batch is a 400 that releases nothing', async () => {
    await app.openCustomer('cu-releases', 'ag-1');
    expect((await post('/agents/ag-1/deposits', app.adminToken, { amount: '10', reference: 'REL-0' })).status).toBe(201);
    expect((await post('/customers/cu-releases/deposits', agentToken, { amount: '10', reference: 'REL-1' })).status).toBe(201);
    for (const callId of ['rel-1', 'rel-2']) expect((await post('/internal/wallet/holds', TEST_INTERNAL_SERVICE_KEY, { customerId: 'cu-releases', callId, requested: '2' })).body).toMatchObject({ granted: true });
    const releases = (body: unknown, token = TEST_INTERNAL_SERVICE_KEY) => post('/internal/wallet/holds/releases', token, body);
    const one = { customerId: 'cu-releases', callId: 'rel-1' };
    for (const bad of [{}, { releases: [] }, { releases: Array.from({ length: 1_001 }, () => one) }, { releases: [{ customerId: 'cu-releases' }] }, { releases: [one], extra: true }, ...[0, 1.5, 60_001, '100'].map((withinMs) => ({ releases: [one], withinMs }))]) {
      const res = await releases(bad);
      expect([res.status, res.contentType]).toEqual([400, expect.stringMatching(/problem\+json/)]);
    }
    expect((await releases({ releases: [one] }, TEST_SWITCH_API_KEY)).status).toBe(403);
    expect((await get('/customers/cu-releases/balance', agentToken)).body).toMatchObject({ held: '4' });
    // the caller's remaining settlement budget bounds the wallet's wait (rating.md §10)
    const released = await releases({ releases: [one, { customerId: 'cu-releases', callId: 'rel-2' }, { customerId: 'cu-releases', callId: 'rel-none' }], withinMs: 2_500 });
    expect(released.body).toEqual({ results: [{ releasedAmount: '2' }, { releasedAmount: '2' }, { releasedAmount: '0' }] });
    expect((await get('/customers/cu-releases/balance', agentToken)).body).toMatchObject({ balance: '10', held: '0', available: '10' });
  });

  it('a hold asks for at most 1 000 000 000, as every amount does: more is a 400 problem that holds nothing', async () => {
    await app.openCustomer('cu-hold-max', 'ag-1');
    expect((await post('/agents/ag-1/deposits', app.adminToken, { amount: '10', reference: 'MAX-0' })).status).toBe(201);
    expect((await post('/customers/cu-hold-max/deposits', agentToken, { amount: '10', reference: 'MAX-1' })).status).toBe(201);
    const hold = (callId: string, requested: string) => post('/internal/wallet/holds', TEST_INTERNAL_SERVICE_KEY, { customerId: 'cu-hold-max', callId, requested });
    for (const requested of ['1000000000.000001', '99999999999999999']) {
      const refused = await hold(`max-${requested}`, requested);
      expect([refused.status, refused.contentType, refused.body.errors?.[0]?.path]).toEqual([400, expect.stringMatching(/problem\+json/), '/requested']);
    }
    await app.projections.waitForCatchUp();
    expect((await get('/customers/cu-hold-max/balance', agentToken)).body).toMatchObject({ balance: '10', held: '0' });
    expect((await hold('max-exactly', '1000000000')).body).toMatchObject({ granted: true, grantedAmount: '10' });
  });

  it('refuses a transfer that would overdraw the agent with 409 and a clear reason, changing nothing', async () => {
    await app.openCustomer('cu-2', 'ag-1');
    const before = await app.account('agent:ag-1');
    const res = await post('/customers/cu-2/deposits', agentToken, { amount: '1000' });
    expect(res.status).toBe(409);
    expect(res.contentType).toMatch(/problem\+json/);
    // it says what the agent has: the balance minus what is reserved (nothing here)
    const available = formatMoney(before.balanceMicros);
    expect(res.body).toMatchObject({ code: 'insufficient_funds', detail: `insufficient agent balance: ${available} available`, available });
    expect((await app.account('agent:ag-1')).balanceMicros).toBe(before.balanceMicros);
  });

  it('funds a customer opened with an initial balance from its agent, accruing commission', async () => {
    const before = await app.account('agent:ag-1');
    const commissionBefore = await app.account('commission:ag-1');
    await app.openCustomer('cu-init', 'ag-1', { initialBalance: '10', source: 'agent' });
    await waitFor(async () => (await app.account('customer:cu-init')).balanceMicros === 10_000_000n, 10_000, 'initial balance');
    expect((await app.account('agent:ag-1')).balanceMicros).toBe(before.balanceMicros - 10_000_000n);
    expect((await app.account('commission:ag-1')).balanceMicros).toBe(commissionBefore.balanceMicros + 1_000_000n);
  });

  it('funds an initial balance by ITC when accounts says so, and one the agent funds even when it cannot cover it now (in debt)', async () => {
    await app.openCustomer('cu-itc', 'ag-2', { initialBalance: '3', source: 'operator' });
    await waitFor(async () => (await app.account('customer:cu-itc')).balanceMicros === 3_000_000n, 10_000, 'ITC-funded initial balance');
    expect((await app.account('commission:ag-2')).balanceMicros).toBe(150_000n); // 5 % of 3

    // accounts answers an agent-funded opening 201 only after reserving it: the agent committed the
    // money then, so the funding is a fact even if the money is gone since (README, "Initial-balance reservations")
    const agentBefore = await app.account('agent:ag-2');
    await app.openCustomer('cu-poor', 'ag-2', { initialBalance: '1', source: 'agent' });
    await waitFor(async () => (await app.account('customer:cu-poor')).balanceMicros === 1_000_000n, 10_000, 'agent-funded initial balance');
    expect((await app.account('agent:ag-2')).balanceMicros).toBe(agentBefore.balanceMicros - 1_000_000n);
    const { rows } = await app.pool.query(`SELECT command_type, code FROM "${app.schema}".refused_commands WHERE $1 = ANY(account_ids)`, ['customer:cu-poor']);
    expect(rows).toEqual([]);
  });

  it('accrues commission at the rate in force at each deposit', async () => {
    await post('/agents/ag-2/deposits', app.adminToken, { amount: '50', reference: 'BANK-2' });
    await app.openCustomer('cu-rate', 'ag-2');
    const first = await post('/customers/cu-rate/deposits', otherAgentToken, { amount: '10' });
    expect(first.body.commission).toBe('0.5');
    await app.accounts.publish(agentCommissionChanged('ag-2', '5', '12.5'));
    await waitFor(async () => (await app.db.pool.query(`SELECT 1 FROM "${app.schema}".agent_commission_rates WHERE agent_id = 'ag-2'`)).rowCount === 2, 10_000, 'rate change');
    const second = await post('/customers/cu-rate/deposits', otherAgentToken, { amount: '10' });
    expect(second.body.commission).toBe('1.25');
    // an ITC deposit to the customer accrues at the new rate too
    const manual = await post('/customers/cu-rate/deposits', app.adminToken, { amount: '0.000009', reference: 'CASH-1' });
    expect(manual.body).toMatchObject({ kind: 'deposit', amount: '0.000009', commission: '0.000001' }); // 12.5 % of 9 µ = 1.125 µ, rounded down
    await app.projections.waitForCatchUp();
    const lines = await get('/agents/ag-2/commissions', otherAgentToken);
    expect(lines.body.items.slice(0, 3).map((line: { commissionPercent: string; amount: string }) => [line.commissionPercent, line.amount])).toEqual([
      ['12.5', '0.000001'],
      ['12.5', '1.25'],
      ['5', '0.5'],
    ]);
  });

  it('moves part of the commission, then all of it, to the main balance', async () => {
    const commission = (await app.account('commission:ag-1')).balanceMicros;
    // more than there is: the answer says how much is available (as insufficient_funds does)
    const tooMuch = await post('/agents/ag-1/commission-transfers', agentToken, { amount: formatMoney(commission + 1n) });
    expect(tooMuch.body).toMatchObject({ status: 409, code: 'insufficient_commission', detail: `insufficient commission balance: ${formatMoney(commission)} available`, available: formatMoney(commission) });
    const part = await post('/agents/ag-1/commission-transfers', agentToken, { amount: '1' });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ amount: '1' });
    // no body at all means all of it (docs/API.md: `{amount?}`, all if absent)
    const all = await app.request('POST', '/api/v1/agents/ag-1/commission-transfers', { token: agentToken });
    expect(all.status).toBe(201);
    expect(parseMoney(all.body.amount) + 1_000_000n).toBe(commission);
    expect((await app.account('commission:ag-1')).balanceMicros).toBe(0n);
    expect(all.body.commissionBalance).toBe('0');
    const none = await post('/agents/ag-1/commission-transfers', agentToken, {});
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('no_commission');
    expect(commission).toBeGreaterThan(1_000_000n);
  });

  it('reverses a deposit with its commission', async () => {
    await app.openCustomer('cu-rev', 'ag-1');
    const deposit = await post('/customers/cu-rev/deposits', app.adminToken, { amount: '20', reference: 'CARD-REFUND-TEST' });
    expect(deposit.body.commission).toBe('2');
    const commissionBefore = (await app.account('commission:ag-1')).balanceMicros;
    const reversal = await post(`/customers/cu-rev/deposits/${deposit.body.depositId}/reversals`, app.adminToken, { reason: 'correction' });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ amount: '20', balance: '0', repeated: false });
    expect((await app.account('commission:ag-1')).balanceMicros).toBe(commissionBefore - 2_000_000n);
    const again = await post(`/customers/cu-rev/deposits/${deposit.body.depositId}/reversals`, app.adminToken, { reason: 'correction' });
    expect(again.body).toMatchObject({ repeated: true });
  });

  it('pages ledger lines with a cursor, newest first', async () => {
    await app.projections.waitForCatchUp();
    const first = await get('/agents/ag-1/transactions?limit=2', agentToken);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get(`/agents/ag-1/transactions?limit=2&cursor=${first.body.nextCursor}`, agentToken);
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    const all = await get('/agents/ag-1/transactions?limit=200', agentToken);
    expect(all.body.items.at(-1)).toMatchObject({ kind: 'deposit:manual', amount: '100', balanceAfter: '100', reference: 'BANK-1' });
    expect((await get('/agents/ag-1/transactions?cursor=bogus', agentToken)).status).toBe(400);
  });

  it('shows an agent only itself and its customers, a customer only itself (else 404)', async () => {
    expect((await get('/agents/ag-1/overview', otherAgentToken)).status).toBe(404);
    expect((await get('/customers/cu-1/balance', otherAgentToken)).status).toBe(404);
    expect((await post('/customers/cu-1/deposits', otherAgentToken, { amount: '1' })).status).toBe(404);
    expect((await post('/agents/ag-1/commission-transfers', otherAgentToken, {})).status).toBe(404);
    const customerToken = await app.token('customer', 'cu-1');
    expect((await get('/customers/cu-1/balance', customerToken)).status).toBe(200);
    expect((await get('/customers/cu-2/balance', customerToken)).status).toBe(404);
    expect((await get('/customers/cu-1/transactions', customerToken)).status).toBe(200);
    expect((await post('/customers/cu-1/deposits', customerToken, { amount: '1' })).status).toBe(403);
    expect((await post('/agents/ag-1/deposits', agentToken, { amount: '1', reference: 'x' })).status).toBe(403);
    expect((await get('/customers/nobody/balance', app.adminToken)).status).toBe(404);
  });

  it('refuses bad inputs with problem+json and changes nothing', async () => {
    const before = await app.account('agent:ag-1');
    const cases: [unknown, number][] = [
      [{ amount: '-1' }, 400],
      [{ amount: '0' }, 400],
      [{ amount: 5 }, 400],
      [{ amount: '1.0000001' }, 400],
      [{ amount: '99999999999999999' }, 400],
      [{ amount: '1', extra: true }, 400],
      [{}, 400],
    ];
    for (const [body, status] of cases) {
      const res = await post('/customers/cu-1/deposits', agentToken, body);
      expect([body, res.status, res.contentType]).toEqual([body, status, expect.stringMatching(/problem\+json/)]);
    }
    const number = await post('/customers/cu-1/deposits', agentToken, { amount: 5 });
    expect(number.body.errors[0]).toMatchObject({ path: '/amount', message: expect.stringMatching(/decimal string/) });
    expect((await post('/customers/unknown/deposits', agentToken, { amount: '1' })).status).toBe(404);
    expect((await post('/customers/cu-1/deposits', app.adminToken, { amount: '1' })).status).toBe(400); // ITC needs a reference
    expect((await post('/agents/nobody/deposits', app.adminToken, { amount: '1', reference: 'r' })).status).toBe(404);
    expect((await app.account('agent:ag-1')).balanceMicros).toBe(before.balanceMicros);
  });

  it('moves money once for the same Idempotency-Key sent 20 times concurrently, with the same answer', async () => {
    await post('/agents/ag-2/deposits', app.adminToken, { amount: '40', reference: 'BANK-3' });
    await app.openCustomer('cu-idem', 'ag-2');
    const agentBefore = (await app.account('agent:ag-2')).balanceMicros;
    const responses = await Promise.all(Array.from({ length: 20 }, () => post('/customers/cu-idem/deposits', otherAgentToken, { amount: '7' }, 'key-cu-idem-1')));
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201));
    const bodies = new Set(responses.map((res) => JSON.stringify({ ...res.body, repeated: null })));
    expect(bodies.size).toBe(1);
    // one executed it; the 19 others are replays and say so in the header and in `repeated` alike
    const replayed = responses.map((res) => `${res.headers.get('idempotent-replayed') ?? 'executed'} ${String(res.body.repeated)}`).sort();
    expect(replayed).toEqual(['executed false', ...Array<string>(19).fill('true true')]);
    expect((await app.account('customer:cu-idem')).balanceMicros).toBe(7_000_000n);
    expect((await app.account('agent:ag-2')).balanceMicros).toBe(agentBefore - 7_000_000n);
    // the same key with another body is a different request: 422
    expect((await post('/customers/cu-idem/deposits', otherAgentToken, { amount: '8' }, 'key-cu-idem-1')).status).toBe(422);
  });

  it('serves the OpenAPI description of its endpoints', async () => {
    const doc = await app.request('GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/customers/{id}/deposits', '/api/v1/agents/{id}/overview', '/api/v1/agents/{id}/commission-transfers']));
  });

  it('ignores a redelivered CustomerOpened (inbox) and events it has no use for', async () => {
    const event = customerOpened('cu-dup', 'ag-1', { initialBalance: '1' });
    await app.accounts.publish(event, event);
    await app.waitForAccount('customer:cu-dup');
    await app.projections.waitForCatchUp();
    expect((await app.account('customer:cu-dup')).balanceMicros).toBe(1_000_000n);
  });
});
