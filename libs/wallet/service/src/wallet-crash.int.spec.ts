// Kill the wallet in the middle of a stream of charges (SIGKILL: no drain, no cleanup), start it
// again over the same charges: none lost, none doubled, and the audit passes.
import { testDatabaseUrl } from '@billing/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { runWalletAudit } from './audit/wallet-audit.js';
import { WalletTestApp } from './__fixtures__/wallet-test-app.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');
const COUNT = 1_500;
const COST_MICROS = 1_111n;

function start(schema: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: testDatabaseUrl(),
    SCHEMA: schema,
    CUSTOMER: 'crash-c',
    COUNT: String(COUNT),
    CONCURRENCY: '16',
    COST_MICROS: String(COST_MICROS),
  };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['tools/run-ts.mjs', 'libs/wallet/service/src/__fixtures__/charging-process.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

describe('wallet killed mid-stream', () => {
  let app: WalletTestApp;

  beforeAll(async () => {
    app = await WalletTestApp.start();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('loses no charge and doubles none when killed and restarted', async () => {
    await app.openCustomer('crash-c', null, { initialBalance: '100', source: 'operator' });
    const first = start(app.schema);
    const deadline = Date.now() + 60_000;
    const progress = () => Math.max(0, ...[...first.output().matchAll(/progress (\d+)/g)].map((match) => Number(match[1])));
    while (progress() < 300) {
      if (first.child.exitCode !== null) throw new Error(`charging process ended early:\n${first.output()}`);
      if (Date.now() > deadline) throw new Error(`no progress:\n${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.child.kill('SIGKILL');
    await first.exited;
    const chargedBeforeKill = await chargeEvents(app);
    expect(chargedBeforeKill).toBeGreaterThan(0);
    expect(chargedBeforeKill).toBeLessThan(COUNT);

    const second = start(app.schema);
    expect(await second.exited).toBe(0);
    const [, charged, repeated] = /done charged=(\d+) repeated=(\d+)/.exec(second.output())!.map(Number);
    console.log(`killed after ${chargedBeforeKill} charges; the restart charged ${charged} and recognised ${repeated} as already charged`);
    expect(charged! + repeated!).toBe(COUNT);
    expect(charged).toBe(COUNT - chargedBeforeKill);

    expect(await chargeEvents(app)).toBe(COUNT);
    expect((await app.account('customer:crash-c')).balanceMicros).toBe(100_000_000n - BigInt(COUNT) * COST_MICROS);
    await app.projections.waitForCatchUp();
    const audit = await runWalletAudit(app.db);
    expect([audit.ok, audit.text]).toEqual([true, expect.any(String)]);
  }, 120_000);
});

async function chargeEvents(app: WalletTestApp): Promise<number> {
  const { rows } = await app.pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${app.schema}".events WHERE stream_id = 'wallet-customer-crash-c' AND type = 'CallCharged'`);
  return Number(rows[0]!.n);
}
