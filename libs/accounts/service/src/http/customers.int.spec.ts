// Customers through the public API on a real PostgreSQL: ITC opens an agent and a batch of 10,
// the agent sees exactly those, another agent none of them, a customer only itself; refused
// batches leave nothing behind; credentials come once (JSON or CSV); Idempotency-Key retries.
import { jest } from '@jest/globals';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { sipHa1 } from '../application/generated-credentials.js';

jest.setTimeout(90_000);

let app: AccountsTestApp;
let agentA: Awaited<ReturnType<typeof registerAgent>>;
let agentB: Awaited<ReturnType<typeof registerAgent>>;
/** an ITC profile without a rate sheet: customers inherit their agent's. */
let itcProfile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agentA = await registerAgent(app, { rateSheetId: 'sheet-agent-a' });
  agentB = await registerAgent(app);
  itcProfile = await createProfile(app, app.adminToken);
});

afterAll(async () => {
  await app?.close();
});

const batch = (body: Record<string, unknown>, options: { headers?: Record<string, string>; token?: string; query?: string } = {}) =>
  app.request('POST', `/api/v1/customers/batch${options.query ?? ''}`, { token: options.token ?? app.adminToken, body, headers: options.headers });

describe('a batch of 10 for an agent', () => {
  let opened: any;

  beforeAll(async () => {
    const res = await batch({ profileId: itcProfile, agentId: agentA.id, count: 10 });
    expectStatus(res, 201);
    opened = res.body;
  });

  it('answers every customer with its credentials, once', () => {
    expect(opened.count).toBe(10);
    expect(opened.credentialsIncluded).toBe(true);
    expect(opened.sipRealm).toBe(TEST_SIP_REALM);
    expect(new Set(opened.customers.map((c: any) => c.accountNumber)).size).toBe(10);
    for (const customer of opened.customers) {
      expect(customer.accountNumber).toMatch(/^[1-9][0-9]{9}$/);
      expect(customer.sipUsername).toBe(customer.accountNumber);
      expect(customer.portalUsername).toBe(customer.accountNumber);
      expect(customer.sipPassword).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(customer.portalPassword.length).toBeGreaterThanOrEqual(20);
    }
  });

  it('never stores a clear password: the events and read models hold only the HA1', async () => {
    const [first] = opened.customers;
    const { rows } = await app.pool.query(`SELECT data::text AS data FROM "${app.schema}".events`);
    const everything = rows.map((r: { data: string }) => r.data).join('\n');
    expect(everything).not.toContain(first.sipPassword);
    expect(everything).not.toContain(first.portalPassword);
    expect(everything).toContain(sipHa1(first.sipUsername, TEST_SIP_REALM, first.sipPassword));
  });

  it('gives the customers the profile terms and the agent\'s rate sheet', async () => {
    const res = await app.request('GET', `/api/v1/customers/${opened.customers[0].customerId}`, { token: app.adminToken });
    expect(res.body).toMatchObject({
      agentId: agentA.id,
      batchId: opened.batchId,
      billingType: 'prepaid',
      rateSheetId: 'sheet-agent-a',
      initialBalance: '5',
      initialBalanceSource: 'operator',
      maxConcurrentCalls: 2,
      status: 'active',
    });
  });

  it('the agent logs in and sees exactly these 10', async () => {
    const res = await app.request('GET', '/api/v1/customers?limit=200', { token: agentA.token });
    expectStatus(res, 200);
    expect(res.body.items.map((c: any) => c.id).sort()).toEqual(opened.customers.map((c: any) => c.customerId).sort());
  });

  it('another agent sees none of them and gets 404 on each, reading or writing', async () => {
    const list = await app.request('GET', '/api/v1/customers', { token: agentB.token });
    expect(list.body.items.filter((c: any) => c.agentId === agentA.id)).toEqual([]);
    for (const { customerId } of opened.customers) {
      expectProblem(await app.request('GET', `/api/v1/customers/${customerId}`, { token: agentB.token }), 404, 'not_found');
    }
    const target = opened.customers[0].customerId;
    expectProblem(await app.request('POST', `/api/v1/customers/${target}/suspend`, { token: agentB.token }), 404);
    expectProblem(await app.request('POST', `/api/v1/customers/${target}/caller-ids`, { token: agentB.token, body: { callerId: '+442079460958' } }), 404);
    expectProblem(await app.request('PUT', `/api/v1/customers/${target}/follow-me`, { token: agentB.token, body: { enabled: false, targets: [] } }), 404);
    expectProblem(await app.request('PATCH', `/api/v1/customers/${target}/settings`, { token: agentB.token, body: { language: 'es' } }), 404);
    expectProblem(await app.request('POST', `/api/v1/customers/${target}/sip-password`, { token: agentB.token }), 404);
  });

  it('a customer logs in with its portal credentials and sees only itself', async () => {
    const [me, other] = opened.customers;
    const token = await app.gw.login(me.portalUsername, me.portalPassword);
    const list = await app.request('GET', '/api/v1/customers', { token });
    expect(list.body.items.map((c: any) => c.id)).toEqual([me.customerId]);
    expectStatus(await app.request('GET', `/api/v1/customers/${me.customerId}`, { token }), 200);
    expectProblem(await app.request('GET', `/api/v1/customers/${other.customerId}`, { token }), 404);
    expectProblem(await app.request('GET', `/api/v1/agents/${agentA.id}`, { token }), 403);
    expectProblem(await app.request('POST', '/api/v1/customers', { token, body: { profileId: itcProfile } }), 403);
  });

  it('lists the batch by batchId, in account-number order, page by page', async () => {
    const first = await app.request('GET', `/api/v1/customers?batchId=${opened.batchId}&limit=6`, { token: app.adminToken });
    const second = await app.request('GET', `/api/v1/customers?batchId=${opened.batchId}&limit=6&cursor=${first.body.nextCursor}`, { token: app.adminToken });
    const numbers = [...first.body.items, ...second.body.items].map((c: any) => c.accountNumber);
    expect(numbers).toEqual(opened.customers.map((c: any) => c.accountNumber).sort());
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('refused batches', () => {
  it('a batch of 9 is a 422 with a clear message and leaves nothing behind', async () => {
    const before = { events: await app.count('events'), customers: await app.count('customers') };
    const res = await batch({ profileId: itcProfile, agentId: agentA.id, count: 9 });
    expectProblem(res, 422, 'batch_too_small');
    expect(res.body.detail).toBe('a batch must open at least 10 customers');
    expect({ events: await app.count('events'), customers: await app.count('customers') }).toEqual(before);
  });

  it.each([
    ['over the upper bound', { count: 1001 }, 422, 'batch_too_large'],
    ['a count as a string', { count: '10' }, 400, 'validation'],
    ['a fractional count', { count: 10.5 }, 400, 'validation'],
    ['an unknown field', { count: 10, prefix: 'x' }, 400, 'validation'],
    ['an unknown agent', { count: 10, agentId: 'no-such-agent' }, 404, 'agent_not_found'],
    ['an unknown profile', { count: 10, profileId: 'no-such-profile' }, 404, 'profile_not_found'],
  ])('%s is refused and leaves nothing behind', async (_what, overrides, status, code) => {
    const before = await app.count('events');
    expectProblem(await batch({ profileId: itcProfile, agentId: agentA.id, ...overrides }), status, code);
    expect(await app.count('events')).toBe(before);
  });

  it('is for ITC only', async () => {
    expectProblem(await batch({ profileId: itcProfile, count: 10 }, { token: agentA.token }), 403);
  });
});

describe('credentials as CSV', () => {
  it('answers the batch as CSV for Accept: text/csv and for ?format=csv', async () => {
    for (const options of [{ headers: { accept: 'text/csv' } }, { query: '?format=csv' }]) {
      const res = await batch({ profileId: itcProfile, agentId: agentB.id, count: 10 }, options);
      expectStatus(res, 201);
      expect(res.contentType).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="batch-.+\.csv"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('account_number,customer_id,sip_username,sip_password,sip_realm,portal_username,portal_password');
      expect(lines).toHaveLength(11);
      const [accountNumber, , sipUser, sipPassword, realm, portalUser, portalPassword] = lines[1]!.split(',');
      expect(sipUser).toBe(accountNumber);
      expect(realm).toBe(TEST_SIP_REALM);
      await app.gw.login(portalUser!, portalPassword!);
      const entry = await app.request('GET', `/api/v1/switch/directory/${sipUser}`, { token: app.gw.switchApiKey! });
      expect(entry.body.ha1).toBe(sipHa1(sipUser!, TEST_SIP_REALM, sipPassword!));
    }
  });
});

describe('POST /customers (one at a time)', () => {
  it('ITC opens an ITC-direct customer from a profile with its own rate sheet', async () => {
    const profile = await createProfile(app, app.adminToken, { name: 'Direct', rateSheetId: 'sheet-direct', billingType: 'postpaid', creditLimit: '20' });
    const { customer, credentials } = await openCustomer(app, app.adminToken, { profileId: profile, contactEmail: 'jane@example.com' });
    expect(customer).toMatchObject({ agentId: null, rateSheetId: 'sheet-direct', billingType: 'postpaid', creditLimit: '20', contactEmail: 'jane@example.com', initialBalanceSource: 'operator' });
    expect(credentials).toMatchObject({ accountNumber: customer.accountNumber, sipRealm: TEST_SIP_REALM });
    await app.gw.login(credentials.portalUsername!, credentials.portalPassword!);
  });

  it('an ITC-direct customer needs a profile with a rate sheet', async () => {
    expectProblem(await app.request('POST', '/api/v1/customers', { token: app.adminToken, body: { profileId: itcProfile } }), 422, 'rate_sheet_required');
  });

  it('an agent opens its own customer, funded from its balance, with a chosen login', async () => {
    const portalUsername = `jane-${Date.now()}`;
    const { customer, credentials } = await openCustomer(app, agentA.token, { profileId: itcProfile, portalUsername: portalUsername.toUpperCase() });
    expect(customer).toMatchObject({ agentId: agentA.id, initialBalanceSource: 'agent', portalUsername, rateSheetId: 'sheet-agent-a' });
    await app.gw.login(portalUsername, credentials.portalPassword!);
    // the same login name again is taken
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agentA.token, body: { profileId: itcProfile, portalUsername } }), 409, 'username_taken');
  });

  it('an agent may not use another agent\'s profile (404) nor open for another agent (403)', async () => {
    const bsProfile = await createProfile(app, agentB.token, { name: 'B only' });
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agentA.token, body: { profileId: bsProfile } }), 404, 'profile_not_found');
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agentA.token, body: { profileId: itcProfile, agentId: agentB.id } }), 403);
    const list = await app.request('GET', '/api/v1/customer-profiles', { token: agentA.token });
    expect(list.body.items.map((p: any) => p.id)).toContain(itcProfile);
    expect(list.body.items.map((p: any) => p.id)).not.toContain(bsProfile);
    expectProblem(await app.request('GET', `/api/v1/customer-profiles/${bsProfile}`, { token: agentA.token }), 404);
  });

  it('a suspended agent gets no new customers', async () => {
    const agent = await registerAgent(app);
    await app.request('POST', `/api/v1/agents/${agent.id}/suspend`, { token: app.adminToken });
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: itcProfile } }), 409, 'agent_suspended');
  });

  it('answers one customer as CSV too', async () => {
    const res = await app.request('POST', '/api/v1/customers?format=csv', { token: agentA.token, body: { profileId: itcProfile } });
    expectStatus(res, 201);
    expect(res.text.split('\r\n')).toHaveLength(3);
  });
});

describe('Idempotency-Key on opening customers', () => {
  it('a retry answers the same customer without the credentials; another body is a 422', async () => {
    const headers = { 'Idempotency-Key': `open-${Date.now()}` };
    const body = { profileId: itcProfile, contactEmail: 'retry@example.com' };
    const first = await app.request('POST', '/api/v1/customers', { token: agentA.token, body, headers });
    expectStatus(first, 201);
    const again = await app.request('POST', '/api/v1/customers', { token: agentA.token, body, headers });
    expectStatus(again, 200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.customer.id).toBe(first.body.customer.id);
    expect(again.body.credentials).toBeNull();
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agentA.token, body: { ...body, contactEmail: 'other@example.com' }, headers }), 422, 'idempotency_key_reused');
  });

  it('concurrent retries of one batch open it once', async () => {
    const headers = { 'Idempotency-Key': `batch-${Date.now()}` };
    const before = await app.count('customers');
    const results = await Promise.all(Array.from({ length: 4 }, () => batch({ profileId: itcProfile, agentId: agentB.id, count: 10 }, { headers })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.batchId)).size).toBe(1);
    expect(await app.count('customers')).toBe(before + 10);
    const replay = results.find((r) => r.status === 200)!;
    expect(replay.body.customers.every((c: any) => c.sipPassword === null && c.portalPassword === null)).toBe(true);
  });
});

describe('concurrent batches', () => {
  it('never hand out an account number or SIP user twice', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => batch({ profileId: itcProfile, agentId: agentA.id, count: 12 })));
    for (const res of results) expectStatus(res, 201);
    const numbers = results.flatMap((r) => r.body.customers.map((c: any) => c.accountNumber));
    expect(new Set(numbers).size).toBe(60);
    const { rows } = await app.pool.query(`SELECT count(DISTINCT sip_username)::int AS sip, count(*)::int AS n FROM "${app.schema}".customers`);
    expect(rows[0].sip).toBe(rows[0].n);
  });
});
