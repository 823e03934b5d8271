// Read-your-writes over HTTP (issue 12 §5): after a 2xx to a deposit, a transfer or a commission
// transfer, the very next read of every view the command changes already shows it — no sleep, no
// polling. Each round fires the command and then, at once, the reads, asserting every one of them.
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

const ROUNDS = 20;

describe('wallet: every read after a 2xx shows the command (read-your-writes)', () => {
  let app: WalletTestApp;
  let agentToken: string;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('ryw-ag', { commissionPercent: '10' });
    await app.openCustomer('ryw-cu', 'ryw-ag');
    agentToken = await app.token('agent', 'ryw-ag');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const post = (path: string, token: string, body: unknown) => app.request('POST', `/api/v1${path}`, { token, body });
  const get = (path: string, token: string) => app.request('GET', `/api/v1${path}`, { token });

  it(`deposit to an agent → overview and transactions, ${ROUNDS} times`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const deposit = await post('/agents/ryw-ag/deposits', app.adminToken, { amount: '10', reference: `RYW-${round}` });
      expect(deposit.status).toBe(201);
      const [overview, lines] = await Promise.all([get('/agents/ryw-ag/overview', app.adminToken), get('/agents/ryw-ag/transactions?limit=1', agentToken)]);
      expect({ round, balance: overview.body.balance }).toEqual({ round, balance: deposit.body.balance });
      expect({ round, newest: lines.body.items[0] }).toMatchObject({ round, newest: { type: 'FundsDeposited', reference: `RYW-${round}`, balanceAfter: deposit.body.balance } });
    }
  }, 60_000);

  it(`transfer to a customer → customer balance and lines, agent overview, ${ROUNDS} times`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const transfer = await post('/customers/ryw-cu/deposits', agentToken, { amount: '1' });
      expect(transfer.status).toBe(201);
      const [balance, overview, customerLines] = await Promise.all([
        get('/customers/ryw-cu/balance', agentToken),
        get('/agents/ryw-ag/overview', agentToken),
        get('/customers/ryw-cu/transactions?limit=1', agentToken),
      ]);
      expect({ round, balance: balance.body.balance }).toEqual({ round, balance: transfer.body.balance });
      expect({ round, agentBalance: overview.body.balance }).toEqual({ round, agentBalance: transfer.body.agentBalance });
      expect({ round, newest: customerLines.body.items[0] }).toMatchObject({ round, newest: { type: 'TransferredIn', ref: transfer.body.transferId, balanceAfter: transfer.body.balance } });
    }
  }, 60_000);

  it(`commission transfer → overview (balance and commission), ${ROUNDS} times`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      // each transfer accrues 0.1 commission; move 0.05 of it back each round
      expect((await post('/customers/ryw-cu/deposits', agentToken, { amount: '1' })).status).toBe(201);
      const moved = await post('/agents/ryw-ag/commission-transfers', agentToken, { amount: '0.05' });
      expect(moved.status).toBe(201);
      const overview = await get('/agents/ryw-ag/overview', agentToken);
      expect({ round, balance: overview.body.balance, commission: overview.body.commissionBalance }).toEqual({
        round,
        balance: moved.body.balance,
        commission: moved.body.commissionBalance,
      });
    }
  }, 60_000);

  // A CDR's charges (chargeRatedCalls) race the calls' integration events, which the wallet's consumer
  // charges too: a call the consumer charged a moment earlier answers 'already-charged' here, written by
  // the consumer — the answer must still wait for it to be projected (a CI run's balance read missed one).
  it('a call charged by its event a moment earlier: the settlement answers once the views show that charge', async () => {
    await app.openCustomer('ryw-race', null, { initialBalance: '10' });
    const active = (await app.projections.versions()).find((version) => version.state === 'active')!.version;
    const locker = await app.pool.connect();
    try {
      // the projection cannot write its balances (reads go on) until the lock goes
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${app.db.table(`balances_v${active}`)} IN EXCLUSIVE MODE`);
      const charge = { customerId: 'ryw-race', callId: 'ryw-race-call', costMicros: 1_500_000n };
      expect(await app.calls.chargeCall(charge)).toMatchObject({ charged: true });
      const settling = app.calls.chargeRatedCalls([charge], { withinMs: 5_000 });
      setTimeout(() => void locker.query('ROLLBACK'), 300);
      expect(await settling).toEqual([{ charged: false, reason: 'already-charged' }]);
      expect((await app.queries.balance('customer:ryw-race'))?.balanceMicros).toBe(8_500_000n);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      locker.release();
    }
  }, 60_000);
});
