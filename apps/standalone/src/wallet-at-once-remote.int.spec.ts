// Issue 13, "at once to the wallet", the distributed path made deterministic: the wallet runs
// WITHOUT its accounts consumer (background: false), so the only way it learns of a new customer or
// of a change to one is accounts' call after the commit — RemoteWalletCatchUp → POST
// /api/v1/internal/wallet/accounts-catch-up (internal service key) — and the wallet's catch-up through
// accounts' history API over HTTP, as the accounts and wallet processes call each other.
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { formatMoney } from '@billing/money';
import { AccountsHistoryOverHttp, OverHttpModule, overHttp, WalletCatchUpOverHttp } from './__fixtures__/over-http.js';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(120_000);

const schemas = { accounts: uniqueName('wor_accounts'), wallet: uniqueName('wor_wallet'), rating: uniqueName('wor_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp;
let admin: string;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-wallet-at-once-remote' });
  bus = new InProcessBus({ logger: silentLogger });
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('wor_gw'),
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
  admin = await gw.login('admin', gw.adminPassword!);
  const rows = [
    { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
    { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 60 }] },
  ];
  expect((await as(admin)('POST', '/rate-sheets', { sheetId: 'wor-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

afterAll(async () => {
  await gw?.close();
  await bus?.close();
  for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

const as = (token: string) => (method: string, path: string, body?: unknown) => gw.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
const itc = (method: string, path: string, body?: unknown) => as(admin)(method, path, body);
let calls = 0;
const authorize = async (request: { account: string; destination: string }) => {
  const res = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `wor-${(calls += 1)}`, callerId: '', ...request });
  expect(res.status).toBe(200);
  return res.body as { allowed: boolean; reason: string | null };
};

it('without the wallet\'s accounts consumer: a batch\'s customers are in the balance list, and a raised credit limit funds the next authorization, with the 2xx', async () => {
  const prepaid = await itc('POST', '/customer-profiles', { name: 'WOR batch', billingType: 'prepaid', rateSheetId: 'wor-base', initialBalance: '0', maxConcurrentCalls: 2 });
  expect(prepaid.status).toBe(201);
  for (let round = 1; round <= 3; round += 1) {
    const batch = await itc('POST', '/customers/batch', { profileId: prepaid.body.id, count: 10 });
    expect(batch.status).toBe(201);
    const ids = (batch.body.customers as { customerId: string }[]).map((customer) => customer.customerId);
    const list = await itc('GET', `/wallet/balances?kind=customer&ids=${ids.join(',')}`);
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; balance: string }[];
    expect({ round, ids: items.map((item) => item.id).sort() }).toEqual({ round, ids: [...ids].sort() });
    expect(items.every((item) => item.balance === '0')).toBe(true);
  }

  const postpaid = await itc('POST', '/customer-profiles', { name: 'WOR postpaid', billingType: 'postpaid', creditLimit: '0', rateSheetId: 'wor-base', initialBalance: '0', maxConcurrentCalls: 200 });
  expect(postpaid.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: postpaid.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  expect(await authorize({ account: accountNumber, destination: '+442079460958' })).toMatchObject({ allowed: false });
  for (let round = 1; round <= 5; round += 1) {
    // each raise adds one minute (0.10); the hold of the authorization before took all there was
    expect((await itc('PATCH', `/customers/${id}`, { creditLimit: formatMoney(BigInt(round) * 100_000n) })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });
  }
});
