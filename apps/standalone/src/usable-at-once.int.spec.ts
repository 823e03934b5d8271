// Issue 12 §5 and §6 through the public API, the modules wired as the standalone product wires
// them (service-modules.ts): an agent ITC has just registered can be funded at once, a customer
// accounts has just answered 201 for can be funded, read and authorized at once (the wallet and
// rating take its events from AccountsHistory on a miss), and every read after a 2xx shows it.
// Each step is fired immediately after the answer before it — no sleep, no polling — many times.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const ROUNDS = 20;
const app = moneyPathAppPerFile('ua');

beforeAll(async () => {
  const sheet = await as(app.admin)('POST', '/rate-sheets', {
    sheetId: 'ua-base',
    name: 'Base',
    effectiveFrom: '2020-01-01T00:00:00Z',
    rows: [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }],
  });
  expect(sheet.status).toBe(201);
});

const as = (token: string) => (method: string, path: string, body?: unknown, key?: string) =>
  app.gw.request(method, `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }), ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }) });
const answer = (res: { status: number; body: any }) => ({ status: res.status, code: res.body?.code, detail: res.body?.detail });

/** Registers an agent; `login` is separate so that a test can act before the time a login takes. */
async function registerAgent(n: number): Promise<{ agentId: string; login: () => Promise<string> }> {
  const username = `ua-agent-${n}`;
  const body = { name: `Agent ${n}`, contactEmail: `ops${n}@agents.example`, commissionPercent: '10', rateSheetId: 'ua-base', username, password: `${username}-password-1` };
  const created = await as(app.admin)('POST', '/agents', body);
  expect(answer(created)).toMatchObject({ status: 201 });
  return { agentId: created.body.id as string, login: () => app.gw.login(username, `${username}-password-1`) };
}

it(`an agent registered a moment ago is funded at once, and the deposit shows in the next read (${ROUNDS}×)`, async () => {
  for (let round = 1; round <= ROUNDS; round += 1) {
    const { agentId } = await registerAgent(round);
    const deposit = await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '50', reference: `UA-${round}` }, `ua-deposit-${round}`);
    expect({ round, ...answer(deposit) }).toMatchObject({ round, status: 201 });
    const overview = await as(app.admin)('GET', `/agents/${agentId}/overview`);
    expect({ round, status: overview.status, balance: overview.body.balance }).toEqual({ round, status: 200, balance: '50' });
  }
  // and the agent itself sees it
  const { agentId, login } = await registerAgent(ROUNDS + 1);
  expect((await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '7', reference: 'UA-SELF' })).status).toBe(201);
  {
    const overview = await as(await login())('GET', `/agents/${agentId}/overview`);
    expect({ status: overview.status, balance: overview.body.balance }).toEqual({ status: 200, balance: '7' });
  }
});

it(`a customer opened a moment ago is funded, read and authorized at once (${ROUNDS}×)`, async () => {
  const { agentId, login } = await registerAgent(100);
  const token = await login();
  expect((await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '1000', reference: 'UA-FLOAT' })).status).toBe(201);
  const profile = await as(token)('POST', '/customer-profiles', { name: 'Prepaid', billingType: 'prepaid' });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const opened = await as(token)('POST', '/customers', { profileId: profile.body.id });
    expect({ round, ...answer(opened) }).toMatchObject({ round, status: 201 });
    const customer = opened.body.customer as { id: string; accountNumber: string };
    // the first try, with a key as a client that would retry uses it: it must succeed
    const transfer = await as(token)('POST', `/customers/${customer.id}/deposits`, { amount: '3' }, `ua-transfer-${round}`);
    expect({ round, ...answer(transfer) }).toMatchObject({ round, status: 201 });
    const balance = await as(token)('GET', `/customers/${customer.id}/balance`);
    expect({ round, status: balance.status, balance: balance.body.balance }).toEqual({ round, status: 200, balance: '3' });
    const authorized = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `ua-call-${round}`, account: customer.accountNumber, callerId: '', destination: '+44 20 7946 0958' });
    expect({ round, status: authorized.status, allowed: authorized.body.allowed, reason: authorized.body.reason }).toEqual({ round, status: 200, allowed: true, reason: null });
  }
});

it(`a customer opened with an initial balance shows it in the first read (${ROUNDS}×)`, async () => {
  const { agentId, login } = await registerAgent(200);
  const token = await login();
  expect((await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '1000', reference: 'UA-FLOAT-2' })).status).toBe(201);
  const profile = await as(token)('POST', '/customer-profiles', { name: 'Starts at 2', billingType: 'prepaid', initialBalance: '2' });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const opened = await as(token)('POST', '/customers', { profileId: profile.body.id });
    expect({ round, ...answer(opened) }).toMatchObject({ round, status: 201 });
    const balance = await as(token)('GET', `/customers/${opened.body.customer.id as string}/balance`);
    expect({ round, status: balance.status, balance: balance.body.balance }).toEqual({ round, status: 200, balance: '2' });
  }
  const overview = await as(token)('GET', `/agents/${agentId}/overview`);
  expect(overview.body.balance).toBe(String(1000 - 2 * ROUNDS));
});

it(`a SIP user added a moment ago authorizes at once with its account, and a new customer's prices are read at once (${ROUNDS}×)`, async () => {
  const { agentId, login } = await registerAgent(300);
  const token = await login();
  expect((await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '1000', reference: 'UA-FLOAT-3' })).status).toBe(201);
  const profile = await as(token)('POST', '/customer-profiles', { name: 'Starts at 1', billingType: 'prepaid', initialBalance: '1' });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const opened = await as(token)('POST', '/customers', { profileId: profile.body.id });
    expect({ round, ...answer(opened) }).toMatchObject({ round, status: 201 });
    const customer = opened.body.customer as { id: string; accountNumber: string };
    const rates = await as(token)('GET', `/customers/${customer.id}/rates`);
    expect({ round, status: rates.status, prefixes: (rates.body.rows?.items as { prefix: string }[] | undefined)?.map((row) => row.prefix) }).toEqual({ round, status: 200, prefixes: ['44'] });
    const added = await as(token)('POST', `/customers/${customer.id}/sip-users`, { sipUsername: `ua-user-${round}` });
    expect({ round, ...answer(added) }).toMatchObject({ round, status: 201 });
    const authorized = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', {
      callId: `ua-user-call-${round}`,
      account: customer.accountNumber,
      sipUsername: `ua-user-${round}`,
      callerId: '',
      destination: '+44 20 7946 0958',
    });
    expect({ round, status: authorized.status, allowed: authorized.body.allowed, reason: authorized.body.reason }).toEqual({ round, status: 200, allowed: true, reason: null });
  }
});
