// ?search= and ?status= on GET /customers and GET /agents (the portal's searchable lists), on a
// real app: contained in any case, wildcards taken literally, the exact id, combined with the
// caller's scope (an agent never finds another agent's customers), bad input a 400.
import { jest } from '@jest/globals';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(90_000);

let app: AccountsTestApp;
let agentA: Awaited<ReturnType<typeof registerAgent>>;
let agentB: Awaited<ReturnType<typeof registerAgent>>;
let acme: { id: string; accountNumber: string };
let acmeLogin: { portalUsername: string; portalPassword: string };
let acmeTwo: { id: string; accountNumber: string };
let others: { id: string; accountNumber: string };
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  app = await startAccountsTestApp();
  agentA = await registerAgent(app, { name: `Zephyr Telecom ${tag}`, contactEmail: `billing-${tag}@zephyr.example` });
  agentB = await registerAgent(app, { name: `Other 100%_${tag}` });
  const profile = await createProfile(app, app.adminToken, { name: 'Search', initialBalance: '0' });
  const opened = await openCustomer(app, app.adminToken, { profileId: profile, agentId: agentA.id, contactEmail: `Desk@ACME-${tag}.example` });
  acme = opened.customer;
  acmeLogin = { portalUsername: opened.credentials.portalUsername!, portalPassword: opened.credentials.portalPassword! };
  acmeTwo = (await openCustomer(app, app.adminToken, { profileId: profile, agentId: agentA.id, portalUsername: `acme-${tag}-two` })).customer;
  others = (await openCustomer(app, app.adminToken, { profileId: profile, agentId: agentB.id, contactEmail: `desk@acme-${tag}.example` })).customer;
  expectStatus(await app.request('POST', `/api/v1/customers/${acmeTwo.id}/suspend`, { token: app.adminToken }), 200);
});

afterAll(async () => {
  await app?.close();
});

const ids = async (path: string, token: string): Promise<string[]> => {
  const res = await app.request('GET', `/api/v1${path}`, { token });
  expectStatus(res, 200);
  return res.body.items.map((item: { id: string }) => item.id);
};

it('finds customers by e-mail, portal username, account number or id, in any case, within the caller\'s scope', async () => {
  expect(await ids(`/customers?search=acme-${tag}`, app.adminToken)).toEqual([acme.id, acmeTwo.id, others.id]);
  expect(await ids(`/customers?search=ACME-${tag}`, agentA.token)).toEqual([acme.id, acmeTwo.id]); // not agent B's
  expect(await ids(`/customers?search=acme-${tag}&status=suspended`, agentA.token)).toEqual([acmeTwo.id]);
  expect(await ids(`/customers?search=${acme.accountNumber}`, agentA.token)).toEqual([acme.id]);
  expect(await ids(`/customers?search=${others.id}`, app.adminToken)).toEqual([others.id]);
  expect(await ids(`/customers?search=${others.id}`, agentA.token)).toEqual([]);
  expect(await ids(`/customers?search=${encodeURIComponent('%')}`, agentA.token)).toEqual([]); // a literal %, not "anything"
});

it('finds agents by name, username, e-mail or id, and filters by status', async () => {
  expect(await ids(`/agents?search=zephyr telecom ${tag}`, app.adminToken)).toEqual([agentA.id]);
  expect(await ids(`/agents?search=${tag}@ZEPHYR`, app.adminToken)).toEqual([agentA.id]);
  expect(await ids(`/agents?search=${agentB.username}`, app.adminToken)).toEqual([agentB.id]);
  expect(await ids(`/agents?search=${encodeURIComponent(`100%_${tag}`)}`, app.adminToken)).toEqual([agentB.id]);
  expect(await ids(`/agents?search=${encodeURIComponent(`100__${tag}`)}`, app.adminToken)).toEqual([]); // _ is not a wildcard
  expect(await ids(`/agents?search=${agentA.id}`, app.adminToken)).toEqual([agentA.id]);
  expectStatus(await app.request('POST', `/api/v1/agents/${agentB.id}/suspend`, { token: app.adminToken }), 200);
  expect(await ids(`/agents?search=${tag}&status=suspended`, app.adminToken)).toEqual([agentB.id]);
  expect(await ids(`/agents?search=${tag}&status=active`, app.adminToken)).toEqual([agentA.id]);
});

it('lists the customers with CallerIDs waiting for approval (the agent\'s approvals), until approved', async () => {
  const customerToken = await app.gw.login(acmeLogin.portalUsername, acmeLogin.portalPassword);
  expect(await ids('/customers?pendingCallerIds=true', agentA.token)).toEqual([]);
  const added = await app.request('POST', `/api/v1/customers/${acme.id}/caller-ids`, { token: customerToken, body: { callerId: '+442079460958' } });
  expectStatus(added, 200);
  expect(added.body.pendingCallerIds).toEqual(['+442079460958']);
  expect(await ids('/customers?pendingCallerIds=true', agentA.token)).toEqual([acme.id]);
  expect(await ids('/customers?pendingCallerIds=true', app.adminToken)).toEqual([acme.id]);
  expect(await ids('/customers?pendingCallerIds=true', agentB.token)).toEqual([]);
  expect(await ids('/customers?pendingCallerIds=false', agentA.token)).toEqual([acme.id, acmeTwo.id]);
  expectStatus(await app.request('POST', `/api/v1/customers/${acme.id}/caller-ids/${encodeURIComponent('+442079460958')}/approve`, { token: agentA.token }), 200);
  expect(await ids('/customers?pendingCallerIds=true', agentA.token)).toEqual([]);
});

it('refuses an empty or too long search and an unknown status with a 400 naming the field', async () => {
  for (const [path, field] of [
    ['/customers?search=', '/search'],
    [`/customers?search=${'x'.repeat(101)}`, '/search'],
    ['/agents?search=%20%20', '/search'],
    ['/agents?status=closed', '/status'],
    ['/customers?pendingCallerIds=yes', '/pendingCallerIds'],
  ] as const) {
    const res = await app.request('GET', `/api/v1${path}`, { token: app.adminToken });
    expect([res.status, res.body.code, res.body.errors?.[0]?.path]).toEqual([400, 'validation', field]);
  }
});
