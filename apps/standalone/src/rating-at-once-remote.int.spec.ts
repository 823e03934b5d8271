// Issue 13, "at once to rating", the distributed path made deterministic: rating runs WITHOUT its
// accounts consumer (background: false), so the only way it learns of a change to a customer it
// knows is accounts' call after the commit — RemoteRatingCatchUp → POST
// /api/v1/internal/rating/accounts-catch-up (internal service key) — and rating's catch-up through accounts'
// history API over HTTP, as the accounts and rating processes call each other.
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { AccountsHistoryOverHttp, OverHttpModule, overHttp, RatingCatchUpOverHttp } from './__fixtures__/over-http.js';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(120_000);

const schemas = { accounts: uniqueName('aor_accounts'), wallet: uniqueName('aor_wallet'), rating: uniqueName('aor_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp;
let admin: string;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-rating-at-once-remote' });
  bus = new InProcessBus({ logger: silentLogger });
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('aor_gw'),
    imports: [
      OverHttpModule,
      ...moneyPathModules(
        { pool, bus, sipRealm: 'sip.test.example' },
        {
          accounts: { schema: schemas.accounts, service: accountsService, catchUps: [RatingCatchUpOverHttp] },
          wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0 },
          rating: { schema: schemas.rating, accountsService, background: false, accountsHistory: AccountsHistoryOverHttp },
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
  expect((await as(admin)('POST', '/rate-sheets', { sheetId: 'aor-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
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
const authorize = async (request: { account?: string; sipUsername?: string; sourceIp?: string; destination: string }) => {
  const res = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `aor-${(calls += 1)}`, callerId: '', ...request });
  expect(res.status).toBe(200);
  return res.body as { allowed: boolean; reason: string | null };
};

it('without rating\'s accounts consumer: features, trunk addresses, a SIP user\'s and the customer\'s status reach rating with the 2xx', async () => {
  const profile = await itc('POST', '/customer-profiles', { name: 'AOR', billingType: 'prepaid', rateSheetId: 'aor-base', initialBalance: '5000', maxConcurrentCalls: 200 });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  // the miss makes rating know the customer
  expect(await authorize({ account: accountNumber, destination: '+12125550100' })).toMatchObject({ allowed: true });
  for (let round = 1; round <= 5; round += 1) {
    expect((await itc('PATCH', `/customers/${id}/features`, { internationalCalls: false, homeCountryCode: '44' })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+12125550100' })) }).toMatchObject({ round, allowed: false, reason: 'feature_international_calls_not_assigned' });
    expect((await itc('PATCH', `/customers/${id}/features`, { internationalCalls: true })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+12125550100' })) }).toMatchObject({ round, allowed: true });

    const sourceIp = `203.0.113.${round}`;
    expect((await itc('POST', `/customers/${id}/trunk-addresses`, { address: sourceIp })).status).toBe(201);
    expect({ round, ...(await authorize({ sourceIp, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });

    const sipUsername = `aor-user-${round}`;
    expect((await itc('POST', `/customers/${id}/sip-users`, { sipUsername })).status).toBe(201);
    expect((await itc('POST', `/customers/${id}/sip-users/${sipUsername}/suspend`)).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, sipUsername, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'sip_user_suspended' });

    expect((await itc('POST', `/customers/${id}/suspend`, {})).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'account_suspended' });
    expect((await itc('POST', `/customers/${id}/reactivate`)).status).toBe(200);
  }
  // every event of the customer's stream rating uses is in its consumer's inbox: the later delivery is a duplicate
  const { rows } = await pool.query<{ missing: string }>(
    `SELECT count(*)::text AS missing FROM "${schemas.accounts}".events e WHERE e.stream_id = $1 AND e.type IN ('CustomerFeaturesChanged', 'TrunkAddressAdded', 'CustomerSuspended')
       AND NOT EXISTS (SELECT 1 FROM "${schemas.rating}".inbox i WHERE i.message_id = e.event_id::text)`,
    [`customer-${id}`],
  );
  expect(rows[0]!.missing).toBe('0');
});
