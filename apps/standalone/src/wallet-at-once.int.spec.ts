// Issue 13, "at once to the wallet": after the 2xx of an accounts command the wallet's reads and
// decisions include it — the customers a batch opened are in GET /wallet/balances (which reads only
// the accounts the wallet has opened, it fills no miss), and a postpaid credit limit raised a moment
// ago funds the next authorization. Accounts waits before it answers until the wallet has applied
// the command's events (ConsumersAtOnce → WalletAccountsCatchUp, openings included). Each step is
// fired immediately after the answer before it — no sleep, no polling — many times, with the real
// accounts consumer running.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { formatMoney } from '@billing/money';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(180_000);

const ROUNDS = 20;
const app = moneyPathAppPerFile('wo');

beforeAll(async () => {
  const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
  expect((await itc('POST', '/rate-sheets', { sheetId: 'wo-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
const itc = (method: string, path: string, body?: unknown) => as(app.admin)(method, path, body);
let calls = 0;
const authorize = async (request: { account: string; destination: string }) => {
  const res = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `wo-${(calls += 1)}`, callerId: '', ...request });
  expect(res.status).toBe(200);
  return res.body as { allowed: boolean; reason: string | null };
};

it(`the customers of a batch are in the balance list at once (${ROUNDS}× 10)`, async () => {
  const profile = await itc('POST', '/customer-profiles', { name: 'WO batch', billingType: 'prepaid', rateSheetId: 'wo-base', initialBalance: '0', maxConcurrentCalls: 2 });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const batch = await itc('POST', '/customers/batch', { profileId: profile.body.id, count: 10 });
    expect(batch.status).toBe(201);
    const ids = (batch.body.customers as { customerId: string }[]).map((customer) => customer.customerId);
    const list = await itc('GET', `/wallet/balances?kind=customer&ids=${ids.join(',')}`);
    expect(list.status).toBe(200);
    const items = list.body.items as { id: string; balance: string }[];
    expect({ round, ids: items.map((item) => item.id).sort() }).toEqual({ round, ids: [...ids].sort() });
    expect(items.every((item) => item.balance === '0')).toBe(true);
  }
});

it(`a postpaid credit limit raised a moment ago funds the next authorization (${ROUNDS}×)`, async () => {
  const profile = await itc('POST', '/customer-profiles', { name: 'WO postpaid', billingType: 'postpaid', creditLimit: '0', rateSheetId: 'wo-base', initialBalance: '0', maxConcurrentCalls: 200 });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  // nothing to spend: refused
  expect(await authorize({ account: accountNumber, destination: '+442079460958' })).toMatchObject({ allowed: false });
  for (let round = 1; round <= ROUNDS; round += 1) {
    // each raise adds one minute (0.10); the hold of the authorization before took all there was
    expect((await itc('PATCH', `/customers/${id}`, { creditLimit: formatMoney(BigInt(round) * 100_000n) })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });
  }
});
