// Agent-funded openings through the wallet's real paths (issue 12, items 2 and 5): the reservation
// accounts makes before answering 201 is visible at once in the agent's overview (reserved,
// available: what the agent's next transfer is decided on), and the funding the wallet makes when
// it consumes CustomerOpened moves the reserved money even when the agent's deposit was reversed
// in between — the customer is funded and the agent goes in debt, never a 201 left unfunded.
import { TEST_INTERNAL_SERVICE_KEY } from '@billing/gateway';
import { waitFor, WalletTestApp } from './__fixtures__/wallet-test-app.js';

describe('wallet: initial balances an agent funds', () => {
  let app: WalletTestApp;
  let agentToken: string;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('afo-ag');
    await app.openCustomer('afo-other', 'afo-ag');
    agentToken = await app.token('agent', 'afo-ag');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const post = (path: string, token: string, body: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
  const get = (path: string, token: string) => app.request('GET', `/api/v1${path}`, { token });

  it('shows the reservation in the very next overview read, and funds the opening after a reversal (the agent in debt)', async () => {
    const deposit = await post('/agents/afo-ag/deposits', app.adminToken, { amount: '10', reference: 'AFO-1' });
    expect(deposit.status).toBe(201);
    // what accounts does before it answers the opening's 201
    const reserved = await post('/internal/wallet/agents/afo-ag/initial-balance-reservations', TEST_INTERNAL_SERVICE_KEY, { customerId: 'afo-cu', amount: '10' });
    expect(reserved.body).toMatchObject({ reserved: true });

    const overview = await get('/agents/afo-ag/overview', agentToken);
    expect(overview.body).toMatchObject({ balance: '10', reserved: '10', available: '0', inDebt: false, debt: '0' });
    // the refusal of a transfer agrees with what the overview says is available
    const transfer = await post('/customers/afo-other/deposits', agentToken, { amount: '1' });
    expect([transfer.status, transfer.body.code, transfer.body.available]).toEqual([409, 'insufficient_funds', '0']);

    // the agent's payment bounces between the reservation and the wallet consuming the opening
    const reversal = await post(`/agents/afo-ag/deposits/${deposit.body.depositId}/reversals`, app.adminToken, { reason: 'chargeback' });
    expect(reversal.status).toBe(201);
    expect((await get('/agents/afo-ag/overview', agentToken)).body).toMatchObject({ balance: '0', reserved: '10', available: '-10' });

    await app.openCustomer('afo-cu', 'afo-ag', { initialBalance: '10', source: 'agent' });
    await waitFor(async () => (await get('/customers/afo-cu/balance', agentToken)).body.balance === '10', 20_000, 'the opening to be funded');
    const after = await get('/agents/afo-ag/overview', agentToken);
    expect(after.body).toMatchObject({ balance: '-10', reserved: '0', available: '-10', inDebt: true, debt: '10' });
    expect((await app.account('agent:afo-ag')).reservedMicros).toBe(0n);
  }, 60_000);
});
