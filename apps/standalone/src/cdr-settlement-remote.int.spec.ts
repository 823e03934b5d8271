// A CDR post's wallet settlement between processes (rating's RemoteWalletHolds → the wallet's
// internal holds routes), counted at the adapter's boundary by a real HTTP server in between
// (__fixtures__/wallet-door.ts): the holds of a batch's unanswered calls are released in one
// request, not one per call; and a wallet that takes the request and never answers holds the CDR's
// answer no longer than its budget (SETTLEMENT_DEADLINE_MS + the reports' 2 s) — the call is
// recorded, and the wallet charges it from rating's event afterwards.
import { HOLD_RELEASES_API_PATH, CALL_CHARGES_API_PATH, HOLDS_API_PATH } from '@billing/contracts';
import { startGatewayTestApp, TEST_SWITCH_API_KEY, type GatewayTestApp } from '@billing/gateway';
import { InProcessBus, silentLogger } from '@billing/messaging';
import { parseMoney } from '@billing/money';
import { createPool } from '@billing/postgres';
import { RemoteWalletHolds, RemoteWalletModule } from '@billing/rating-service';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { jest } from '@jest/globals';
import type pg from 'pg';
import { INTERNAL_API_KEY } from './__fixtures__/over-http.js';
import { openWalletDoor, type WalletDoor } from './__fixtures__/wallet-door.js';
import { moneyPathModules } from './service-modules.js';

jest.setTimeout(180_000);

/** The whole answer's bound (docs/rating.md §8): the settlement's 3 s and the reports' 2 s. */
const ANSWER_BUDGET_MS = 5_000;
/**
 * What a loaded 2-core CI machine adds to that bound (HTTP, scheduling); a wallet that never answers
 * would otherwise hold the answer for the gateway's 60 s — the assertion still tells the two apart.
 */
const SCHEDULING_SLACK_MS = 2_500;
/** How long the wallet's consumer may take to charge a call from its event on a loaded machine. */
const EVENT_CHARGE_TRIES = 300;

const schemas = { accounts: uniqueName('csr_accounts'), wallet: uniqueName('csr_wallet'), rating: uniqueName('csr_rating') };
let pool: pg.Pool;
let bus: InProcessBus;
let gw: GatewayTestApp | undefined;
let door: WalletDoor;
let admin: string;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'test-cdr-settlement-remote' });
  bus = new InProcessBus({ logger: silentLogger });
  door = await openWalletDoor(() => gw!.baseUrl);
  const accountsService = uniqueName('accounts');
  gw = await startGatewayTestApp({
    databaseUrl: testDatabaseUrl(),
    schema: uniqueName('csr_gw'),
    imports: [
      RemoteWalletModule.forRoot({ baseUrl: door.url, apiKey: INTERNAL_API_KEY }),
      ...moneyPathModules(
        { pool, bus, sipRealm: 'sip.test.example' },
        {
          accounts: { schema: schemas.accounts, service: accountsService },
          wallet: { schema: schemas.wallet, accountsService, holdSweepIntervalMs: 0 },
          rating: { schema: schemas.rating, accountsService, wallet: RemoteWalletHolds },
        },
      ),
    ],
  });
  admin = await gw.login('admin', gw.adminPassword!);
  const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
  expect((await itc('POST', '/rate-sheets', { sheetId: 'csr-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

afterAll(async () => {
  await gw?.close();
  await door?.close();
  await bus?.close();
  for (const schema of Object.values(schemas)) await pool?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool?.end();
});

const as = (token: string) => (method: string, path: string, body?: unknown) => gw!.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
const itc = (method: string, path: string, body?: unknown) => as(admin)(method, path, body);
const switchApi = (method: string, path: string, body?: unknown) => as(TEST_SWITCH_API_KEY)(method, path, body);

async function openCustomer(name: string): Promise<{ id: string; accountNumber: string }> {
  const profile = await itc('POST', '/customer-profiles', { name, billingType: 'prepaid', rateSheetId: 'csr-base', initialBalance: '100000', maxConcurrentCalls: 1000 });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  return opened.body.customer as { id: string; accountNumber: string };
}

const balanceOf = async (customerId: string) => {
  const list = await itc('GET', `/wallet/balances?kind=customer&ids=${customerId}`);
  return parseMoney((list.body.items as { balance: string }[])[0]!.balance);
};

function cdr(callId: string, account: string, answered: boolean) {
  const startedAt = new Date(Date.now() - 120_000);
  return {
    callId,
    account,
    callerId: '',
    destination: '442079460958',
    startedAt: startedAt.toISOString(),
    answeredAt: answered ? new Date(startedAt.getTime() + 2_000).toISOString() : null,
    endedAt: new Date(startedAt.getTime() + 62_000).toISOString(),
    billsec: answered ? 60 : 0,
    disposition: answered ? 'answered' : 'no_answer',
  };
}

it('a 500-CDR post with 400 unanswered, authorized calls: their holds released in one request (and the rated calls charged in one)', async () => {
  door.mode = 'forward';
  const customer = await openCustomer('CSR batch');
  const unanswered = Array.from({ length: 400 }, (_, i) => `csr-unanswered-${i}`);
  for (let i = 0; i < unanswered.length; i += 20) {
    const authorized = await Promise.all(unanswered.slice(i, i + 20).map((callId) => switchApi('POST', '/switch/authorize', { callId, account: customer.accountNumber, callerId: '', destination: '442079460958' })));
    expect(authorized.every((res) => res.status === 200 && (res.body as { allowed: boolean }).allowed)).toBe(true);
  }
  expect((await itc('GET', '/wallet/open-holds')).body).toMatchObject({ count: 400 });

  door.counts.clear();
  const cdrs = [...unanswered.map((callId) => cdr(callId, customer.accountNumber, false)), ...Array.from({ length: 100 }, (_, i) => cdr(`csr-rated-${i}`, customer.accountNumber, true))];
  const posted = await switchApi('POST', '/switch/cdrs', { cdrs });
  expect(posted.status).toBe(200);
  expect(posted.body.counts).toMatchObject({ unanswered: 400, rated: 100 });

  expect(Object.fromEntries(door.counts)).toEqual({ [HOLD_RELEASES_API_PATH]: 1, [CALL_CHARGES_API_PATH]: 1 });
  // with the answer: no hold left open, the rated calls charged (0.10 each)
  expect((await itc('GET', '/wallet/open-holds')).body).toMatchObject({ count: 0, held: '0' });
  expect(await balanceOf(customer.id)).toBe(parseMoney('100000') - 100n * parseMoney('0.10'));
});

it('a bulk re-rate of 120 calls: charged in one wallet request (not one per call), with the answer', async () => {
  door.mode = 'forward';
  const customer = await openCustomer('CSR re-rate');
  const calls = Array.from({ length: 120 }, (_, i) => ({ ...cdr(`csr-rerate-${i}`, customer.accountNumber, true), destination: '33123456789' }));
  const posted = await switchApi('POST', '/switch/cdrs', { cdrs: calls });
  expect(posted.body.counts).toMatchObject({ unrated: 120 });
  // a version that rates France too, in force since before the calls started
  const uk = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };
  const france = { prefix: '33', destination: 'France', intervals: [{ startSecond: 0, ratePerMinute: '0.20', incrementSeconds: 60 }] };
  expect((await itc('POST', '/rate-sheets/csr-base/versions', { effectiveFrom: '2020-01-02T00:00:00Z', rows: [uk, france] })).status).toBe(201);

  door.counts.clear();
  const reRated = await itc('POST', '/calls/re-rate', { customerId: customer.id, limit: 1000 });
  expect(reRated.status).toBe(200);
  expect(reRated.body).toMatchObject({ attempted: 120, reRated: 120, stillUnrated: 0, cost: '24', remaining: 0 });
  expect(Object.fromEntries(door.counts)).toEqual({ [CALL_CHARGES_API_PATH]: 1 });
  // with the answer: every call charged
  expect(await balanceOf(customer.id)).toBe(parseMoney('100000') - 120n * parseMoney('0.20'));
});

it("the settlement budget starts with the request, pricing included: a CDR whose pricing took longer than the budget leaves its charge to the event", async () => {
  door.mode = 'forward';
  const customer = await openCustomer('CSR slow pricing');
  door.counts.clear();
  const locker = await pool.connect();
  let posted: ReturnType<typeof switchApi>;
  try {
    // rating's directory locked: pricing waits for it past the settlement's 3 s
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE "${schemas.rating}".customers IN ACCESS EXCLUSIVE MODE`);
    posted = switchApi('POST', '/switch/cdrs', cdr('csr-slow-1', customer.accountNumber, true));
    await new Promise((resolve) => setTimeout(resolve, 3_500));
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    locker.release();
  }
  expect((await posted).body).toMatchObject({ status: 'rated', cost: '0.1' });
  // no time was left for the wallet: nothing sent to it, the call is charged from its event
  expect(door.counts.has(CALL_CHARGES_API_PATH)).toBe(false);
  let balance = await balanceOf(customer.id);
  for (let tries = 0; balance === parseMoney('100000') && tries < EVENT_CHARGE_TRIES; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    balance = await balanceOf(customer.id);
  }
  expect(balance).toBe(parseMoney('100000') - parseMoney('0.10'));
});

it('a wallet that never answers: the CDR answers 200 within the budget, and the call is charged by its event afterwards', async () => {
  const customer = await openCustomer('CSR silent');
  door.mode = 'silent';
  door.counts.clear();
  try {
    const sent = performance.now();
    const posted = await switchApi('POST', '/switch/cdrs', cdr('csr-silent-1', customer.accountNumber, true));
    const tookMs = performance.now() - sent;
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ status: 'rated', cost: '0.1' });
    // the charge went to the wallet and was given up on within the budget
    expect(door.counts.get(CALL_CHARGES_API_PATH)).toBe(1);
    expect(tookMs).toBeLessThan(ANSWER_BUDGET_MS + SCHEDULING_SLACK_MS);
  } finally {
    door.mode = 'forward';
  }
  // the wallet's consumer of rating.CallRated charges it (the one charge of this call)
  let balance = await balanceOf(customer.id);
  for (let tries = 0; balance === parseMoney('100000') && tries < EVENT_CHARGE_TRIES; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    balance = await balanceOf(customer.id);
  }
  expect(balance).toBe(parseMoney('100000') - parseMoney('0.10'));
  expect(door.counts.has(HOLDS_API_PATH)).toBe(false);
});
