// POST /api/v1/wallet/audits: ITC runs the wallet audit from the portal — balanced books answer
// ok with the counts; a projection that disagrees with the events is reported; one run at a time;
// ITC only.
import { WalletAuditController } from './http/wallet-audit.controller.js';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

describe('the wallet audit over HTTP', () => {
  let app: WalletTestApp;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('ag-au', { commissionPercent: '10' });
    await app.openCustomer('cu-au', 'ag-au');
    const agentToken = await app.token('agent', 'ag-au');
    expect((await app.request('POST', '/api/v1/agents/ag-au/deposits', { token: app.adminToken, body: { amount: '50', reference: 'BANK-AU' } })).status).toBe(201);
    expect((await app.request('POST', '/api/v1/customers/cu-au/deposits', { token: agentToken, body: { amount: '20' } })).status).toBe(201);
    await app.projections.waitForCatchUp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('answers ok with what it checked when the books are balanced', async () => {
    const res = await app.request('POST', '/api/v1/wallet/audits', { token: app.adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      checkedAt: expect.any(String),
      eventCount: expect.any(Number),
      postingCount: expect.any(Number),
      postingsTotal: '0',
      accounts: expect.any(Number),
      problems: 0,
      durationMs: expect.any(Number),
      report: expect.stringContaining('OK in'),
    });
    expect(res.body.eventCount).toBeGreaterThanOrEqual(4);
  });

  it('reports a projection that disagrees with the events', async () => {
    await app.pool.query(`UPDATE ${app.db.table('balances')} SET balance_micros = balance_micros + 1 WHERE account_id = 'customer:cu-au'`);
    try {
      const res = await app.request('POST', '/api/v1/wallet/audits', { token: app.adminToken });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: false, problems: expect.any(Number) });
      expect(res.body.problems).toBeGreaterThanOrEqual(1);
      expect(res.body.report).toContain('customer:cu-au');
    } finally {
      await app.pool.query(`UPDATE ${app.db.table('balances')} SET balance_micros = balance_micros - 1 WHERE account_id = 'customer:cu-au'`);
    }
  });

  it('runs one audit at a time and is for ITC only', async () => {
    const controller = app.gw.app.get(WalletAuditController);
    const first = controller.run();
    await expect(controller.run()).rejects.toMatchObject({ status: 409 });
    await expect(first).resolves.toMatchObject({ ok: true });
    const agentToken = await app.token('agent', 'ag-au');
    expect((await app.request('POST', '/api/v1/wallet/audits', { token: agentToken })).status).toBe(403);
    expect(app.gw.undocumentedProblems()).toEqual([]);
  });
});
