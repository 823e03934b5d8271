// Issue 13, "at once to the wallet", the distributed path made deterministic: the wallet runs
// WITHOUT its accounts consumer (background: false), so the only way it learns of a new customer or
// of a change to one is accounts' call after the commit — RemoteWalletCatchUp → POST
// /api/v1/internal/wallet/accounts-catch-up (internal service key) — and the wallet's catch-up through
// accounts' history API over HTTP, as the accounts and wallet processes call each other.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { formatMoney } from '@billing/money';
import { AccountsHistoryOverHttp, WalletCatchUpOverHttp } from './__fixtures__/over-http.js';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const app = moneyPathAppPerFile('wor', { overHttp: true, accounts: { catchUps: [WalletCatchUpOverHttp] }, wallet: { background: false, accountsHistory: AccountsHistoryOverHttp } });

beforeAll(async () => {
  const rows = [
    { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
    { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 60 }] },
  ];
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'wor-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
const itc = (method: string, path: string, body?: unknown) => as(app.admin)(method, path, body);
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
