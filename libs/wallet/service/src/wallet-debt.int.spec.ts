// Issue 12, item 4, through the public API: a call charged beyond its hold, a CDR without an
// authorization, a deposit reversal after the money was moved on — each is recorded, the account
// is then `in_debt` (visible in the customer's balance, the agent's overview and its view of its
// customers), authorizations and the agent's transfers and funded openings are refused with
// `in_debt`, and the next deposit or transfer pays the debt first.
import { TEST_INTERNAL_SERVICE_KEY } from '@billing/gateway';
import { parseMoney } from '@billing/money';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

describe('debt below the floor', () => {
  let app: WalletTestApp;
  let agentToken: string;
  let reversedAgentToken: string;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('ag-d', { commissionPercent: '0' });
    await app.openAgent('ag-r', { commissionPercent: '0' });
    agentToken = await app.token('agent', 'ag-d');
    reversedAgentToken = await app.token('agent', 'ag-r');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const post = (path: string, token: string, body: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
  const read = async (path: string, token: string) => {
    await app.projections.waitForCatchUp();
    return (await app.request('GET', `/api/v1${path}`, { token })).body;
  };
  const hold = (customerId: string, callId: string, requested: string) => app.calls.placeHold({ customerId, callId, requestedMicros: parseMoney(requested) });
  const charge = (customerId: string, callId: string, cost: string) => app.calls.chargeCall({ customerId, callId, costMicros: parseMoney(cost) });

  it('a prepaid customer charged beyond its hold is in debt, refused new calls, and paid back by the next transfer', async () => {
    expect((await post('/agents/ag-d/deposits', app.adminToken, { amount: '20', reference: 'BANK-D' })).status).toBe(201);
    await app.openCustomer('cu-d', 'ag-d');
    expect((await post('/customers/cu-d/deposits', agentToken, { amount: '5' })).status).toBe(201);

    // granted 5, the CDR says 6 (longer than granted), and a CDR of 1 without authorization while a hold is open
    expect(await hold('cu-d', 'call-1', '5')).toMatchObject({ granted: true, grantedMicros: parseMoney('5') });
    expect(await charge('cu-d', 'call-1', '6')).toMatchObject({ charged: true, balanceAfterMicros: parseMoney('-1') });
    await app.openCustomer('cu-e', 'ag-d');
    expect((await post('/customers/cu-e/deposits', agentToken, { amount: '2' })).status).toBe(201);
    expect(await hold('cu-e', 'call-e1', '2')).toMatchObject({ granted: true });
    expect(await charge('cu-e', 'call-e2', '3')).toMatchObject({ charged: true, settledHold: false, balanceAfterMicros: parseMoney('-1') });
    expect(await charge('cu-e', 'call-e1', '0')).toMatchObject({ charged: true });

    expect(await read('/customers/cu-d/balance', agentToken)).toMatchObject({ balance: '-1', inDebt: true, debt: '1', available: '-1' });
    expect(await read('/customers/cu-e/balance', app.adminToken)).toMatchObject({ balance: '-1', inDebt: true, debt: '1' });
    expect(await read('/agents/ag-d/overview', agentToken)).toMatchObject({ inDebt: false, debt: '0', customers: { total: 2, open: 2, inDebt: 2, debt: '2' } });
    expect(await hold('cu-d', 'call-2', '1')).toMatchObject({ granted: false, code: 'in_debt' });
    // the hold API answers the same to a rating process elsewhere
    const remote = await post('/internal/wallet/holds', TEST_INTERNAL_SERVICE_KEY, { customerId: 'cu-d', callId: 'call-3', requested: '1' });
    expect(remote.body).toMatchObject({ granted: false, code: 'in_debt' });

    // the agent's next transfer pays the debt first: 3 - 1 = 2 left to call with
    expect((await post('/customers/cu-d/deposits', agentToken, { amount: '3' })).body).toMatchObject({ balance: '2' });
    expect(await read('/customers/cu-d/balance', agentToken)).toMatchObject({ balance: '2', inDebt: false, debt: '0' });
    expect(await hold('cu-d', 'call-4', '5')).toMatchObject({ granted: true, grantedMicros: parseMoney('2') });
    expect(await read('/agents/ag-d/overview', agentToken)).toMatchObject({ customers: { inDebt: 1, debt: '1' } });
  });

  it('an agent whose deposit is reversed after it moved the money on is in debt: no transfer, no funded opening, until a deposit covers it', async () => {
    const deposit = await post('/agents/ag-r/deposits', app.adminToken, { amount: '10', reference: 'BANK-R' });
    await app.openCustomer('cu-r', 'ag-r');
    expect((await post('/customers/cu-r/deposits', reversedAgentToken, { amount: '10' })).status).toBe(201);
    const reversal = await post(`/agents/ag-r/deposits/${deposit.body.depositId}/reversals`, app.adminToken, { reason: 'chargeback' });
    expect(reversal.body).toMatchObject({ balance: '-10' });
    expect(await read('/agents/ag-r/overview', reversedAgentToken)).toMatchObject({ balance: '-10', inDebt: true, debt: '10' });

    const refused = await post('/customers/cu-r/deposits', reversedAgentToken, { amount: '1' });
    expect([refused.status, refused.body.code]).toEqual([409, 'in_debt']);
    const reservation = await post('/internal/wallet/agents/ag-r/initial-balance-reservations', TEST_INTERNAL_SERVICE_KEY, { customerId: 'cu-new', amount: '1' });
    expect(reservation.body).toMatchObject({ reserved: false, code: 'in_debt' });

    // a deposit to an indebted agent is accepted and pays the debt first
    expect((await post('/agents/ag-r/deposits', app.adminToken, { amount: '4', reference: 'BANK-R2' })).body).toMatchObject({ balance: '-6' });
    expect(await read('/agents/ag-r/overview', reversedAgentToken)).toMatchObject({ inDebt: true, debt: '6' });
    expect((await post('/agents/ag-r/deposits', app.adminToken, { amount: '7', reference: 'BANK-R3' })).body).toMatchObject({ balance: '1' });
    expect(await read('/agents/ag-r/overview', reversedAgentToken)).toMatchObject({ balance: '1', inDebt: false, debt: '0' });
    expect((await post('/customers/cu-r/deposits', reversedAgentToken, { amount: '1' })).status).toBe(201);
  });
});
