// A profile says how many SIP users a new account gets: single openings and batches add the
// further users (`<account number>-2…n`) with their passwords in the same append, and the switch
// answers each of them. Through the public API on the run's PostgreSQL.
import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let rival: Awaited<ReturnType<typeof registerAgent>>;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  rival = await registerAgent(app);
});

afterAll(async () => {
  await app?.close();
});

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const sipUsers = (profileId: string) => `/api/v1/customer-profiles/${profileId}/sip-users`;

async function a1Hash(sipUsername: string): Promise<string | null> {
  const res = await app.request('POST', '/api/v1/switch/directory', {
    token: app.gw.switchApiKey!,
    rawBody: new URLSearchParams({ section: 'directory', user: sipUsername, domain: TEST_SIP_REALM }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return /name="a1-hash" value="([^"]+)"/.exec(res.text)?.[1] ?? null;
}

describe('SIP users per new account', () => {
  it('is 1 by default, set by the owner; an opening gets the further users with passwords shown once', async () => {
    const profile = await createProfile(app, agent.token, { name: 'Office of three' });
    expect((await app.request('GET', sipUsers(profile), { token: agent.token })).body).toEqual({ profileId: profile, sipUsersPerAccount: 1 });
    const set = await app.request('PUT', sipUsers(profile), { token: agent.token, body: { sipUsersPerAccount: 3 } });
    expectStatus(set, 200);
    expect(set.body).toEqual({ profileId: profile, sipUsersPerAccount: 3 });
    expect((await app.request('GET', sipUsers(profile), { token: agent.token })).body.sipUsersPerAccount).toBe(3);

    const opened = await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: profile } });
    expectStatus(opened, 201);
    const { accountNumber, furtherSipUsers } = opened.body.credentials;
    expect(furtherSipUsers.map((u: { sipUsername: string }) => u.sipUsername)).toEqual([`${accountNumber}-2`, `${accountNumber}-3`]);
    for (const user of furtherSipUsers as { sipUsername: string; sipPassword: string }[]) {
      expect(await a1Hash(user.sipUsername)).toBe(md5(`${user.sipUsername}:${TEST_SIP_REALM}:${user.sipPassword}`));
    }
    const listed = await app.request('GET', `/api/v1/customers/${opened.body.customer.id}/sip-users`, { token: agent.token });
    expect(listed.body.items.map((u: { sipUsername: string }) => u.sipUsername)).toEqual([opened.body.customer.sipUsername, `${accountNumber}-2`, `${accountNumber}-3`]);
  });

  it('an Idempotency-Key makes a retried PUT the first answer again; the key with another value is 422 and changes nothing', async () => {
    const profile = await createProfile(app, agent.token, { name: 'Keyed office' });
    const put = (sipUsersPerAccount: number) => app.request('PUT', sipUsers(profile), { token: agent.token, body: { sipUsersPerAccount }, headers: { 'idempotency-key': 'per-account-1' } });
    expectStatus(await put(4), 200);
    const again = await put(4);
    expectStatus(again, 200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await put(5), 422, 'idempotency_key_reused');
    expect((await app.request('GET', sipUsers(profile), { token: agent.token })).body.sipUsersPerAccount).toBe(4);
  });

  it('a batch honours it: every account gets its users, in the JSON answer and one CSV line each', async () => {
    const profile = await createProfile(app, app.adminToken, { name: 'ITC pairs', rateSheetId: 'sheet-base' });
    expectStatus(await app.request('PUT', sipUsers(profile), { token: app.adminToken, body: { sipUsersPerAccount: 2 } }), 200);
    const batch = await app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: profile, count: 10 } });
    expectStatus(batch, 201);
    for (const customer of batch.body.customers as { accountNumber: string; furtherSipUsers: { sipUsername: string; sipPassword: string }[] }[]) {
      expect(customer.furtherSipUsers).toHaveLength(1);
      const [user] = customer.furtherSipUsers;
      expect(user!.sipUsername).toBe(`${customer.accountNumber}-2`);
      expect(await a1Hash(user!.sipUsername)).toBe(md5(`${user!.sipUsername}:${TEST_SIP_REALM}:${user!.sipPassword}`));
    }
    // a replay (same Idempotency-Key) names the same further users as the first answer, without passwords
    const keyed = () => app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: profile, count: 10 }, headers: { 'idempotency-key': 'pairs-batch-1' } });
    const first = await keyed();
    expectStatus(first, 201);
    const replayed = await keyed();
    expectStatus(replayed, 200);
    const usersOf = (body: { customers: { furtherSipUsers: { sipUsername: string }[] }[] }) => body.customers.map((c) => c.furtherSipUsers.map((u) => u.sipUsername));
    expect(usersOf(replayed.body)).toEqual(usersOf(first.body));
    expect(replayed.body.customers.flatMap((c: { furtherSipUsers: { sipPassword: string | null }[] }) => c.furtherSipUsers.map((u) => u.sipPassword))).toEqual(Array(10).fill(null));
    const csv = await app.request('POST', '/api/v1/customers/batch?format=csv', { token: app.adminToken, body: { profileId: profile, count: 10 } });
    expectStatus(csv, 201);
    expect(csv.text.trim().split('\r\n')).toHaveLength(1 + 20);
  });

  it('refuses another agent, an ITC profile to an agent, and a number outside 1..20', async () => {
    const profile = await createProfile(app, agent.token, { name: 'Mine' });
    expectProblem(await app.request('PUT', sipUsers(profile), { token: rival.token, body: { sipUsersPerAccount: 2 } }), 404);
    expectProblem(await app.request('GET', sipUsers(profile), { token: rival.token }), 404);
    expectProblem(await app.request('PUT', sipUsers(profile), { token: agent.token, body: { sipUsersPerAccount: 21 } }), 422, 'invalid_sip_users_per_account');
    expectProblem(await app.request('PUT', sipUsers(profile), { token: agent.token, body: { sipUsersPerAccount: '2' } }), 400);
    const itcProfile = await createProfile(app, app.adminToken, { name: 'ITC', rateSheetId: 'sheet-base' });
    expectProblem(await app.request('PUT', sipUsers(itcProfile), { token: agent.token, body: { sipUsersPerAccount: 2 } }), 403, 'not_profile_owner');
    expect((await app.request('GET', sipUsers(itcProfile), { token: agent.token })).body.sipUsersPerAccount).toBe(1);
  });
});
