// Issue 12 §6, the distributed path made deterministic: the wallet and rating run WITHOUT their
// accounts consumers (background: false), so the only way they can learn of an agent or a customer
// is accounts' history API over HTTP (the one RemoteAccountsHistory (libs/gateway) → GET
// /api/v1/internal/accounts/history, internal service key), as the wallet and rating processes call the
// accounts process. Everything a client does right after accounts' 201 must work — a new customer,
// a SIP user added to it, its price list; each fact lands in the consumer's inbox, so the later
// delivery of the same event is a duplicate.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { AccountsHistoryOverHttp } from './__fixtures__/over-http.js';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const app = moneyPathAppPerFile('uar', { overHttp: true, wallet: { background: false, accountsHistory: AccountsHistoryOverHttp }, rating: { background: false, accountsHistory: AccountsHistoryOverHttp } });

const as = asOn(app);
const status = (res: { status: number; body: { code?: string; detail?: string } }) => ({ status: res.status, code: res.body?.code, detail: res.body?.detail });

it('without any accounts consumer: an agent and its customers are funded, read and authorized through the history API', async () => {
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'uar-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows: [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }] })).status).toBe(201);
  const agentBody = { name: 'Remote', contactEmail: 'ops@remote.example', commissionPercent: '10', rateSheetId: 'uar-base', username: 'uar-agent', password: 'uar-agent-password-1' };
  const agent = await as(app.admin)('POST', '/agents', agentBody);
  expect(agent.status).toBe(201);
  const agentId = agent.body.id as string;
  expect(status(await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '100', reference: 'UAR-1' }))).toMatchObject({ status: 201 });
  const token = await app.gw.login('uar-agent', 'uar-agent-password-1');
  expect((await as(token)('GET', `/agents/${agentId}/overview`)).body.balance).toBe('100');

  const profile = await as(token)('POST', '/customer-profiles', { name: 'Starts at 2', billingType: 'prepaid', initialBalance: '2' });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= 5; round += 1) {
    const opened = await as(token)('POST', '/customers', { profileId: profile.body.id });
    expect({ round, ...status(opened) }).toMatchObject({ round, status: 201 });
    const customer = opened.body.customer as { id: string; accountNumber: string; sipUsername: string };
    const transfer = await as(token)('POST', `/customers/${customer.id}/deposits`, { amount: '3' });
    expect({ round, ...status(transfer) }).toMatchObject({ round, status: 201 });
    expect({ round, balance: (await as(token)('GET', `/customers/${customer.id}/balance`)).body.balance }).toEqual({ round, balance: '5' });
    // rating learns the customer by its SIP username (the switch names a call by it or by the account)
    const authorized = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `uar-call-${round}`, sipUsername: customer.sipUsername, callerId: '', destination: '+44 20 7946 0958' });
    expect({ round, status: authorized.status, allowed: authorized.body.allowed, reason: authorized.body.reason }).toEqual({ round, status: 200, allowed: true, reason: null });
    // the opening is in the wallet's inbox: the consumer's later delivery of it changes nothing
    const { rows } = await app.pool.query(`SELECT 1 FROM "${app.schemas.wallet}".inbox WHERE message_id = (SELECT event_id::text FROM "${app.schemas.accounts}".events WHERE stream_id = $1 AND stream_version = 0)`, [`customer-${customer.id}`]);
    expect({ round, inbox: rows.length }).toEqual({ round, inbox: 1 });
  }
  // every initial balance was funded once: 100 − 5 × (2 + 3)
  expect((await as(token)('GET', `/agents/${agentId}/overview`)).body.balance).toBe('75');
  // what accounts does not know stays unknown
  expect((await as(app.admin)('POST', '/customers/no-such-customer/deposits', { amount: '1', reference: 'X' })).status).toBe(404);
});

it('without any accounts consumer: a SIP user added a moment ago authorizes at once with its account, and a new customer\'s prices are read at once', async () => {
  const agentBody = { name: 'Remote 2', contactEmail: 'ops2@remote.example', commissionPercent: '10', rateSheetId: 'uar-base', username: 'uar-agent-2', password: 'uar-agent-2-password-1' };
  const agent = await as(app.admin)('POST', '/agents', agentBody);
  expect(agent.status).toBe(201);
  expect(status(await as(app.admin)('POST', `/agents/${agent.body.id as string}/deposits`, { amount: '100', reference: 'UAR-2' }))).toMatchObject({ status: 201 });
  const token = await app.gw.login('uar-agent-2', 'uar-agent-2-password-1');
  const profile = await as(token)('POST', '/customer-profiles', { name: 'Starts at 1', billingType: 'prepaid', initialBalance: '1' });
  expect(profile.status).toBe(201);
  for (let round = 1; round <= 20; round += 1) {
    const opened = await as(token)('POST', '/customers', { profileId: profile.body.id });
    expect({ round, ...status(opened) }).toMatchObject({ round, status: 201 });
    const customer = opened.body.customer as { id: string; accountNumber: string };
    // rating's price list of the customer, right after the 201 (GET /customers/{id}/rates fills the miss: rating knows the customer from here on)
    const rates = await as(token)('GET', `/customers/${customer.id}/rates`);
    expect({ round, ...status(rates), prefixes: (rates.body.rows?.items as { prefix: string }[] | undefined)?.map((row) => row.prefix) }).toMatchObject({ round, status: 200, prefixes: ['44'] });
    // a user added after that is a later event of its stream, which rating has not been delivered
    const added = await as(token)('POST', `/customers/${customer.id}/sip-users`, { sipUsername: `uar-user-${round}` });
    expect({ round, ...status(added) }).toMatchObject({ round, status: 201 });
    const authorized = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', {
      callId: `uar-user-call-${round}`,
      account: customer.accountNumber,
      sipUsername: `uar-user-${round}`,
      callerId: '',
      destination: '+44 20 7946 0958',
    });
    expect({ round, status: authorized.status, allowed: authorized.body.allowed, reason: authorized.body.reason }).toEqual({ round, status: 200, allowed: true, reason: null });
  }
});
