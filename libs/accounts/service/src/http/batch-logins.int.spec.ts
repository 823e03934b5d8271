// Portal logins of opened customers: a batch's generated passwords are stored in one go with the
// gateway's cheap salted hash and every one of them logs in; passwords a person chooses (agents)
// and every later password change still get the full-cost scrypt hash.
import { jest } from '@jest/globals';
import { GATEWAY_OPTIONS, type ResolvedGatewayOptions } from '@billing/gateway';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(90_000);

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  profile = await createProfile(app, app.adminToken);
});

afterAll(async () => {
  await app?.close();
});

interface CredentialRow {
  username: string;
  password_hash: string;
  role: string;
  subject_id: string;
}

async function credentialRows(usernames: readonly string[]): Promise<Map<string, CredentialRow>> {
  const { rows } = await app.gw.pool.query<CredentialRow>(
    `SELECT username, password_hash, role, subject_id FROM ${app.gw.schema}.credentials WHERE username = ANY($1::text[])`,
    [usernames],
  );
  return new Map(rows.map((row) => [row.username, row]));
}

async function hashOf(username: string): Promise<string> {
  const row = (await credentialRows([username])).get(username);
  if (row === undefined) throw new Error(`no login ${username}`);
  return row.password_hash;
}

/** `$scrypt$ln=…,r=…,p=…$` of the gateway's configured cost (the harness configures a cheaper one than production). */
function fullCostPrefix(): string {
  const { logN, blockSize, parallelization } = app.gw.app.get<ResolvedGatewayOptions>(GATEWAY_OPTIONS).scryptParams;
  return `$scrypt$ln=${logN},r=${blockSize},p=${parallelization}$`;
}

const CHEAP = /^\$sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/;

describe('a batch of 100', () => {
  let customers: { customerId: string; portalUsername: string; portalPassword: string }[];

  beforeAll(async () => {
    const res = await app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: profile, agentId: agent.id, count: 100 } });
    expectStatus(res, 201);
    customers = res.body.customers;
  });

  it('creates every customer its login, with a cheap salted hash', async () => {
    expect(customers).toHaveLength(100);
    const rows = await credentialRows(customers.map((c) => c.portalUsername));
    expect(rows.size).toBe(100);
    for (const customer of customers) {
      const row = rows.get(customer.portalUsername)!;
      expect({ role: row.role, subject: row.subject_id }).toEqual({ role: 'customer', subject: customer.customerId });
      expect(row.password_hash).toMatch(CHEAP);
    }
    expect(new Set([...rows.values()].map((row) => row.password_hash)).size).toBe(100);
  });

  it('the first, a middle and the last customer log in with their answered passwords and see themselves', async () => {
    for (const customer of [customers[0]!, customers[57]!, customers[99]!]) {
      const token = await app.gw.login(customer.portalUsername, customer.portalPassword);
      const me = await app.request('GET', `/api/v1/customers/${customer.customerId}`, { token });
      expectStatus(me, 200);
      expect(me.body.id).toBe(customer.customerId);
    }
  });

  it('another customer\'s password does not open a login', async () => {
    const [a, b] = customers;
    expectProblem(await app.request('POST', '/api/v1/auth/login', { body: { username: a!.portalUsername, password: b!.portalPassword } }), 401, 'invalid_credentials');
  });

  it('a new portal password is hashed at full cost; the old one stops working', async () => {
    const customer = customers[1]!;
    const reset = await app.request('POST', `/api/v1/customers/${customer.customerId}/portal-password`, { token: agent.token });
    expectStatus(reset, 200);
    expect((await hashOf(customer.portalUsername)).startsWith(fullCostPrefix())).toBe(true);
    await app.gw.login(customer.portalUsername, reset.body.portalPassword);
    expectProblem(await app.request('POST', '/api/v1/auth/login', { body: { username: customer.portalUsername, password: customer.portalPassword } }), 401);
  });
});

describe('one customer at a time', () => {
  it('a generated portal password gets the cheap hash too, with a chosen username as well', async () => {
    const portalUsername = `chosen-${Date.now()}`;
    const { customer, credentials } = await openCustomer(app, agent.token, { profileId: profile, portalUsername });
    expect(await hashOf(customer.portalUsername)).toMatch(CHEAP);
    await app.gw.login(portalUsername, credentials.portalPassword!);
  });
});

describe('passwords a person chooses', () => {
  it('an agent\'s password gets the full-cost scrypt hash, at registration and when it is set again', async () => {
    expect((await hashOf(agent.username)).startsWith(fullCostPrefix())).toBe(true);
    const res = await app.request('PUT', `/api/v1/agents/${agent.id}/password`, { token: app.adminToken, body: { password: 'another-agent-password' } });
    expect(res.status).toBeLessThan(300);
    expect((await hashOf(agent.username)).startsWith(fullCostPrefix())).toBe(true);
    await app.gw.login(agent.username, 'another-agent-password');
  });
});
