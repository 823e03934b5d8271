// The batch of batch-at-once.int.spec.ts on the distributed path, made deterministic: the wallet
// runs WITHOUT its accounts consumer (background: false), so it learns of the 1000 new customers only
// through accounts' catch-up call after the commit — RemoteWalletCatchUp → POST
// /api/v1/internal/wallet/accounts-catch-up, one request for all of them — and its fills through
// accounts' history API over HTTP, as the accounts and wallet processes call each other.
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { expectBatchUsable, MAX_BATCH } from './__fixtures__/batch-usable.js';
import { AccountsHistoryOverHttp, OverHttpModule, overHttp, WalletCatchUpOverHttp } from './__fixtures__/over-http.js';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(300_000);

const schemas = { accounts: uniqueName('bor_accounts'), wallet: uniqueName('bor_wallet'), rating: uniqueName('bor_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-batch-at-once-remote' });
  bus = new InProcessBus({ logger: silentLogger });
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('bor_gw'),
    imports: [
      OverHttpModule,
      ...moneyPathModules(
        { pool, bus, sipRealm: 'sip.test.example' },
        {
          accounts: { schema: schemas.accounts, service: accountsService, catchUps: [WalletCatchUpOverHttp] },
          wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0, background: false, accountsHistory: AccountsHistoryOverHttp },
          rating: { schema: schemas.rating, accountsService },
        },
      ),
    ],
  });
  overHttp.listening(gw.baseUrl);
});

afterAll(async () => {
  await gw?.close();
  await bus?.close();
  for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

it(`without the wallet's accounts consumer: the ${MAX_BATCH} customers of a batch are in the balance list and authorize with its 201`, async () => {
  await expectBatchUsable(gw, await gw.login('admin', gw.adminPassword!), TEST_SWITCH_API_KEY, 'bor');
});
