// `npm run audit` against a real ledger: passes on a sound one, exits non-zero with a readable
// report when a projection was tampered with; a zero-downtime rebuild then restores the
// projections from the events while reads and writes go on.
import { testDatabaseUrl } from '@billing/testing';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');

function runAudit(schema: string): Promise<{ code: number | null; output: string }> {
  return runTs('tools/audit.ts', schema);
}

function runTs(file: string, schema: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDatabaseUrl(), WALLET_SCHEMA: schema };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['tools/run-ts.mjs', file], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('wallet audit', () => {
  let app: WalletTestApp;

  beforeAll(async () => {
    app = await WalletTestApp.start();
    await app.openAgent('aud', { commissionPercent: '7.5' });
    await app.request('POST', '/api/v1/agents/aud/deposits', { token: app.adminToken, body: { amount: '500', reference: 'BANK-AUD' } });
    await app.openCustomer('aud-1', 'aud', { initialBalance: '20', source: 'agent' });
    await app.openCustomer('aud-2', 'aud', { billingType: 'postpaid', creditLimit: '50' });
    await app.openCustomer('aud-3', null, { initialBalance: '5', source: 'operator' });
    const token = await app.token('agent', 'aud');
    for (const customer of ['aud-1', 'aud-2']) await app.request('POST', `/api/v1/customers/${customer}/deposits`, { token, body: { amount: '33.333333' } });
    await app.calls.placeHold({ customerId: 'aud-1', callId: 'c1', requestedMicros: 5_000_000n });
    await app.calls.chargeCall({ customerId: 'aud-1', callId: 'c1', costMicros: 1_234_567n });
    await app.calls.chargeCall({ customerId: 'aud-2', callId: 'c2', costMicros: 80_000_000n }); // postpaid, into its credit
    await app.calls.placeHold({ customerId: 'aud-3', callId: 'c3', requestedMicros: 1_000_000n }); // stays open
    const deposit = await app.request('POST', '/api/v1/customers/aud-3/deposits', { token: app.adminToken, body: { amount: '9', reference: 'CASH-9' } });
    await app.request('POST', `/api/v1/customers/aud-3/deposits/${deposit.body.depositId}/reversals`, { token: app.adminToken, body: { reason: 'refund' } });
    await app.request('POST', '/api/v1/agents/aud/commission-transfers', { token, body: { amount: '1' } });
    await app.projections.waitForCatchUp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('passes on a sound ledger (npm run audit exits 0)', async () => {
    const { code, output } = await runAudit(app.schema);
    expect(output).toMatch(/wallet audit: OK: \d+ events, \d+ postings, postings total 0/);
    expect(code).toBe(0);
  }, 60_000);

  it('detects a tampered projection: exits non-zero and says which account and by how much', async () => {
    const version = (await app.projections.versions()).find((v) => v.state === 'active')!.version;
    await app.pool.query(`UPDATE "${app.schema}".balances_v${version} SET balance_micros = balance_micros + 1 WHERE account_id = 'customer:aud-2'`);
    const { code, output } = await runAudit(app.schema);
    expect(code).toBe(1);
    expect(output).toContain('FAILED');
    expect(output).toMatch(/customer:aud-2: events say -46\.666667, projection says -46\.666666/);
    expect(output).toMatch(/customer:aud-2: ledger lines add up to -46\.666667, projected balance -46\.666666/);
  }, 60_000);

  it('rebuilds the projections beside the live ones while reads and writes go on, then audits clean', async () => {
    const token = await app.token('agent', 'aud');
    let writing = true;
    const reads: number[] = [];
    const writes = (async () => {
      for (let i = 0; writing; i += 1) await app.calls.chargeCall({ customerId: 'aud-1', callId: `live-${i}`, costMicros: 1_000n });
    })();
    const reader = (async () => {
      while (writing) reads.push((await app.request('GET', '/api/v1/customers/aud-1/balance', { token })).status);
    })();
    const before = (await app.projections.versions()).find((v) => v.state === 'active')!.version;
    const rebuilt = await app.projections.rebuildAndWait(60_000);
    writing = false;
    await Promise.all([writes, reader]);
    expect(rebuilt).toBe(before + 1);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((status) => status === 200)).toBe(true);
    const versions = await app.projections.versions();
    expect(versions.map((v) => [v.version, v.state])).toEqual([
      [before, 'retired'],
      [rebuilt, 'active'],
    ]);
    await app.projections.waitForCatchUp();
    const { code, output } = await runAudit(app.schema);
    expect([code, output]).toEqual([0, expect.stringContaining(`projection v${rebuilt}`)]);
  }, 120_000);

  it('rebuilds from the command line while the app keeps serving (the app follows the new version)', async () => {
    const before = (await app.projections.versions()).find((v) => v.state === 'active')!.version;
    const { code, output } = await runTs('libs/wallet/service/src/cli/rebuild-projections.ts', app.schema);
    expect([code, output]).toEqual([0, expect.stringContaining(`v${before + 1} active`)]);
    // the app's own projection manager now keeps the new version up to date
    await app.calls.chargeCall({ customerId: 'aud-1', callId: 'after-cli-rebuild', costMicros: 1_000n });
    await app.projections.waitForCatchUp();
    expect((await runAudit(app.schema)).code).toBe(0);
  }, 120_000);
});
