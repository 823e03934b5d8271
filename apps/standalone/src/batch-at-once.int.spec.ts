// A batch opening of the maximum size (POST /customers/batch, 1000 customers) is usable at once:
// after its 201 every customer is in GET /wallet/balances (which reads only the accounts the wallet
// has opened, it fills no miss) with its initial balance, and authorizes. Accounts hands each
// consumer ONE catch-up for all the customers of the commit (ConsumersAtOnce), which the wallet fills
// from accounts' history with bounded concurrency, within the commit's bound. In process, with the
// real accounts consumers running; the distributed path: batch-at-once-remote.int.spec.ts.
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { expectBatchUsable, MAX_BATCH } from './__fixtures__/batch-usable.js';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(300_000);

const schemas = { accounts: uniqueName('bo_accounts'), wallet: uniqueName('bo_wallet'), rating: uniqueName('bo_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-batch-at-once' });
  bus = new InProcessBus({ logger: silentLogger });
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('bo_gw'),
    imports: [
      ...moneyPathModules(
        { pool, bus, sipRealm: 'sip.test.example' },
        { accounts: { schema: schemas.accounts, service: accountsService }, wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0 }, rating: { schema: schemas.rating, accountsService } },
      ),
    ],
  });
});

afterAll(async () => {
  await gw?.close();
  await bus?.close();
  for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

it(`the ${MAX_BATCH} customers of a batch are in the balance list and authorize with its 201`, async () => {
  await expectBatchUsable(gw, await gw.login('admin', gw.adminPassword!), TEST_SWITCH_API_KEY, 'bo');
});
