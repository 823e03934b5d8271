// Concurrency on real PostgreSQL: 500 simultaneous HTTP transfers from one agent whose balance
// covers exactly 100 of them, and many simultaneous holds on one prepaid customer. Money is never
// created, lost or overspent, and the audit of the whole ledger passes afterwards.
import { HoldSweeper } from './application/hold-sweeper.js';
import { runWalletAudit } from './audit/wallet-audit.js';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

const TRANSFERS = 500;
const COVERED = 100;
const CUSTOMERS = 10;

describe('wallet under concurrency', () => {
  let app: WalletTestApp;

  beforeAll(async () => {
    app = await WalletTestApp.start({ poolSize: 24 });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it(`${TRANSFERS} concurrent transfers from one agent whose balance covers ${COVERED}: exactly ${COVERED} succeed`, async () => {
    await app.openAgent('busy', { commissionPercent: '2.5' });
    for (let i = 0; i < CUSTOMERS; i += 1) await app.openCustomer(`busy-c${i}`, 'busy');
    const deposit = await app.request('POST', '/api/v1/agents/busy/deposits', { token: app.adminToken, body: { amount: '125', reference: 'BANK-BUSY' } });
    expect(deposit.status).toBe(201);
    const token = await app.token('agent', 'busy');

    const startedMs = performance.now();
    const responses = await Promise.all(
      Array.from({ length: TRANSFERS }, (_, i) =>
        app.request('POST', `/api/v1/customers/busy-c${i % CUSTOMERS}/deposits`, { token, body: { amount: '1.25' }, headers: { 'Idempotency-Key': `busy-${i}` } }),
      ),
    );
    const elapsedMs = performance.now() - startedMs;
    console.log(`${TRANSFERS} concurrent transfers over HTTP: ${Math.round(elapsedMs)} ms (${Math.round((TRANSFERS * 1000) / elapsedMs)} requests/s)`);

    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(COVERED);
    expect(statuses.filter((status) => status === 409)).toHaveLength(TRANSFERS - COVERED);
    for (const refused of responses.filter((res) => res.status === 409)) expect(refused.body).toMatchObject({ code: 'insufficient_funds', detail: expect.stringMatching(/^insufficient agent balance: \d+(\.\d+)? available$/), available: expect.any(String) });

    expect((await app.account('agent:busy')).balanceMicros).toBe(0n);
    const moved = new Map<string, bigint>();
    responses.forEach((res, i) => {
      if (res.status === 201) moved.set(`busy-c${i % CUSTOMERS}`, (moved.get(`busy-c${i % CUSTOMERS}`) ?? 0n) + 1_250_000n);
    });
    let total = 0n;
    for (let i = 0; i < CUSTOMERS; i += 1) {
      const balance = (await app.account(`customer:busy-c${i}`)).balanceMicros;
      expect(balance).toBe(moved.get(`busy-c${i}`) ?? 0n);
      total += balance;
    }
    expect(total).toBe(125_000_000n);
    // 2.5 % of 1.25 = 0.03125 per transfer, exact
    expect((await app.account('commission:busy')).balanceMicros).toBe(BigInt(COVERED) * 31_250n);

    await app.projections.waitForCatchUp();
    const overview = await app.request('GET', '/api/v1/agents/busy/overview', { token });
    expect(overview.body).toMatchObject({ balance: '0', commissionBalance: '3.125', today: { transfersToCustomers: '125', commissionAccrued: '3.125' } });
    const audit = await runWalletAudit(app.db);
    if (!audit.ok) console.log(audit.text);
    expect(audit.ok).toBe(true);
    expect(elapsedMs).toBeLessThan(30_000);
  }, 120_000);

  it('concurrent holds on one prepaid customer never grant more than its balance', async () => {
    await app.openAgent('holds', { commissionPercent: '0' });
    await app.openCustomer('holder', null, { initialBalance: '10', source: 'operator' });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => app.calls.placeHold({ customerId: 'holder', callId: `call-${i}`, requestedMicros: 70_000n + BigInt(i % 7) * 1_000n })),
    );
    const granted = results.reduce((sum, result) => sum + result.grantedMicros, 0n);
    expect(granted).toBe(10_000_000n);
    expect(results.filter((result) => !result.granted).every((result) => !result.granted && result.code === 'insufficient_funds')).toBe(true);
    const customer = await app.account('customer:holder');
    expect(customer.heldMicros).toBe(10_000_000n);

    // settle some, release others: the money left is exactly balance − charged
    const charged = await Promise.all(results.slice(0, 50).map((result, i) => (result.granted ? app.calls.chargeCall({ customerId: 'holder', callId: `call-${i}`, costMicros: 10_000n }) : null)));
    const chargedMicros = charged.reduce((sum, result) => sum + (result?.charged ? result.costMicros : 0n), 0n);
    await Promise.all(results.slice(50).map((_, i) => app.calls.releaseHold({ customerId: 'holder', callId: `call-${i + 50}` })));
    const after = await app.account('customer:holder');
    expect([after.balanceMicros, after.heldMicros]).toEqual([10_000_000n - chargedMicros, 0n]);
    await app.projections.waitForCatchUp();
    expect((await runWalletAudit(app.db)).ok).toBe(true);
  }, 60_000);

  it('expires holds nobody settled (the sweeper), and a late CDR is still charged', async () => {
    await app.openCustomer('sleepy', null, { initialBalance: '2', source: 'operator' });
    const expiresAt = new Date(Date.now() + 300).toISOString();
    expect(await app.calls.placeHold({ customerId: 'sleepy', callId: 'late', requestedMicros: 5_000_000n, expiresAt })).toMatchObject({ granted: true, grantedMicros: 2_000_000n });
    const sweeper = app.gw.app.get(HoldSweeper);
    await app.projections.waitForCatchUp();
    expect(await sweeper.sweep()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await sweeper.sweep()).toBe(1);
    expect((await app.account('customer:sleepy')).heldMicros).toBe(0n);
    expect(await app.calls.chargeCall({ customerId: 'sleepy', callId: 'late', costMicros: 500_000n })).toMatchObject({ charged: true, settledHold: false, balanceAfterMicros: 1_500_000n });
  });
});
