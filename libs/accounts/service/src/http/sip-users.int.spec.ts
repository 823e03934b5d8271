// SIP users under one customer account, through the public API on the run's PostgreSQL: who may
// manage them, what the switch directory answers for each, uniqueness across the system under
// concurrent requests, retries, and the event rating consumes.
import { customerStreamId, toIntegrationEvent } from '@billing/accounts-domain';
import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsEventCodec } from '../infrastructure/event-codec.js';

jest.setTimeout(60_000);

const LONDON = '+442079460958';

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let rival: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  rival = await registerAgent(app);
  profile = await createProfile(app, agent.token, { name: 'Office', maxConcurrentCalls: 3 });
});

afterAll(async () => {
  await app?.close();
});

async function newCustomer() {
  const opened = await openCustomer(app, agent.token, { profileId: profile });
  const token = await app.gw.login(opened.credentials.portalUsername!, opened.credentials.portalPassword!);
  return { id: opened.customer.id, accountNumber: opened.customer.accountNumber, sipUsername: opened.customer.sipUsername, token };
}

const users = (customerId: string) => `/api/v1/customers/${customerId}/sip-users`;
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

async function directoryXml(sipUsername: string): Promise<string> {
  const res = await app.request('POST', '/api/v1/switch/directory', {
    token: app.gw.switchApiKey!,
    rawBody: new URLSearchParams({ section: 'directory', user: sipUsername, domain: TEST_SIP_REALM }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expectStatus(res, 200);
  return res.text;
}

const variable = (xml: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(xml)?.[1] ?? null;

describe('SIP users of one account', () => {
  it('starts with the user the account was opened with', async () => {
    const customer = await newCustomer();
    const listed = await app.request('GET', users(customer.id), { token: customer.token });
    expectStatus(listed, 200);
    expect(listed.body.items).toEqual([
      { customerId: customer.id, sipUsername: customer.sipUsername, firstUser: true, displayName: null, callerId: null, effectiveCallerId: null, maxConcurrentCalls: null, status: 'active' },
    ]);
  });

  it('the agent adds a user: password shown once, HA1 in the directory, its own CallerID, name and limit for the switch', async () => {
    const customer = await newCustomer();
    expectStatus(await app.request('POST', `/api/v1/customers/${customer.id}/caller-ids`, { token: agent.token, body: { callerId: LONDON } }), 200);
    const body = { sipUsername: `desk-${customer.accountNumber}`, displayName: 'Front desk', callerId: LONDON, maxConcurrentCalls: 1 };
    const added = await app.request('POST', users(customer.id), { token: agent.token, body });
    expectStatus(added, 201);
    expect(added.headers.get('cache-control')).toBe('no-store');
    expect(added.body.user).toEqual({ customerId: customer.id, sipUsername: body.sipUsername, firstUser: false, displayName: 'Front desk', callerId: LONDON, effectiveCallerId: LONDON, maxConcurrentCalls: 1, status: 'active' });
    const { sipPassword, sipRealm } = added.body.credentials;
    expect(sipRealm).toBe(TEST_SIP_REALM);

    const xml = await directoryXml(body.sipUsername);
    expect(xml).toContain(`<user id="${body.sipUsername}">`);
    expect(variable(xml, 'a1-hash')).toBe(md5(`${body.sipUsername}:${TEST_SIP_REALM}:${sipPassword}`));
    expect(variable(xml, 'accountcode')).toBe(customer.accountNumber);
    expect(variable(xml, 'effective_caller_id_number')).toBe(LONDON);
    expect(variable(xml, 'effective_caller_id_name')).toBe('Front desk');
    expect(variable(xml, 'billing_max_concurrent_calls')).toBe('1');
    // the first user keeps the account's limit
    expect(variable(await directoryXml(customer.sipUsername), 'billing_max_concurrent_calls')).toBe('3');

    // the same request again changes nothing and shows no password
    const again = await app.request('POST', users(customer.id), { token: agent.token, body });
    expectStatus(again, 200);
    expect(again.body.credentials).toBeNull();
    expect(variable(await directoryXml(body.sipUsername), 'a1-hash')).toBe(md5(`${body.sipUsername}:${TEST_SIP_REALM}:${sipPassword}`));
    expectProblem(await app.request('POST', users(customer.id), { token: agent.token, body: { ...body, maxConcurrentCalls: 2 } }), 409, 'sip_user_exists');

    // the customer sees it; published for rating without any credential
    const listed = await app.request('GET', users(customer.id), { token: customer.token });
    expect(listed.body.items.map((u: { sipUsername: string }) => u.sipUsername)).toEqual([customer.sipUsername, body.sipUsername]);
    const published = (await app.db.store.readStream(customerStreamId(customer.id), 0, 100))
      .map((r) => toIntegrationEvent(accountsEventCodec.fromStored(r)))
      .filter((shape) => shape?.type === 'accounts.SipUserChanged');
    expect(published.map((shape) => shape!.data)).toEqual([expect.objectContaining({ customerId: customer.id, sipUsername: body.sipUsername, status: 'active', maxConcurrentCalls: 1 })]);
    expect(JSON.stringify(published)).not.toContain('Ha1');
  });

  it('gives a user without a chosen name `<account number>-<n>`', async () => {
    const customer = await newCustomer();
    const first = await app.request('POST', users(customer.id), { token: app.adminToken, body: {} });
    expectStatus(first, 201);
    expect(first.body.user.sipUsername).toBe(`${customer.accountNumber}-2`);
    const second = await app.request('POST', users(customer.id), { token: app.adminToken, body: { displayName: 'Two' } });
    expect(second.body.user.sipUsername).toBe(`${customer.accountNumber}-3`);
  });

  it('a retried addition with its Idempotency-Key is the same user, even concurrently; other keys at once get their own n', async () => {
    const customer = await newCustomer();
    const add = (key: string, body: object = {}) => app.request('POST', users(customer.id), { token: agent.token, body, headers: { 'idempotency-key': key } });
    const retries = await Promise.all([add('k-1'), add('k-1'), add('k-1')]);
    const created = retries.filter((res) => res.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.credentials.sipUsername).toBe(`${customer.accountNumber}-2`);
    for (const res of retries.filter((r) => r.status !== 201)) {
      expectStatus(res, 200);
      expect(res.headers.get('idempotent-replayed')).toBe('true');
      expect(res.body).toEqual({ user: created[0]!.body.user, credentials: null });
    }
    const later = await add('k-1');
    expectStatus(later, 200);
    expect(later.body.user.sipUsername).toBe(`${customer.accountNumber}-2`);
    expectProblem(await add('k-1', { displayName: 'Other' }), 422, 'idempotency_key_reused');
    expectProblem(await add(' '), 400, 'invalid_idempotency_key');

    const distinct = await Promise.all([add('k-2'), add('k-3')]);
    expect(distinct.map((res) => res.status)).toEqual([201, 201]);
    expect(distinct.map((res) => res.body.user.sipUsername as string).sort()).toEqual([`${customer.accountNumber}-3`, `${customer.accountNumber}-4`]);
    const listed = await app.request('GET', users(customer.id), { token: agent.token });
    expect(listed.body.items).toHaveLength(4);
  });

  it('refuses what breaks the rules, and the customer, another agent and a taken username', async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    // the customer's own role may not reach the route (the domain refuses every other path: sip_users_managed_by_agent)
    expectProblem(await app.request('POST', users(customer.id), { token: customer.token, body: {} }), 403);
    expectProblem(await app.request('POST', users(customer.id), { token: rival.token, body: {} }), 404);
    expectProblem(await app.request('GET', users(customer.id), { token: rival.token }), 404);
    expectProblem(await app.request('GET', users(customer.id), { token: other.token }), 404);
    expectProblem(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: 'Upper Case' } }), 422, 'invalid_sip_username');
    expectProblem(await app.request('POST', users(customer.id), { token: agent.token, body: { maxConcurrentCalls: 4 } }), 422, 'invalid_sip_user_limit');
    const notItsNumber = await app.request('POST', users(customer.id), { token: agent.token, body: { callerId: LONDON } });
    expectProblem(notItsNumber, 422, 'caller_id_not_found');
    expect(notItsNumber.body.detail).toBe("a SIP user's CallerID must be one of the customer's approved caller IDs");
    expectProblem(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: other.sipUsername } }), 409, 'sip_username_taken');
    expectProblem(await app.request('POST', users(customer.id), { token: agent.token, body: { colour: 'red' } }), 400);
    expectProblem(await app.request('DELETE', `${users(customer.id)}/${customer.sipUsername}`, { token: agent.token }), 409, 'first_sip_user');
    const listed = await app.request('GET', users(customer.id), { token: agent.token });
    expect(listed.body.items).toHaveLength(1);
  });

  it('one username, two accounts, concurrent requests: exactly one gets it', async () => {
    const [a, b] = [await newCustomer(), await newCustomer()];
    const sipUsername = `race-${a.accountNumber}`;
    const answers = await Promise.all(
      [a, b, a, b].map((customer) => app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername, displayName: 'Race' } })),
    );
    const created = answers.filter((res) => res.status === 201);
    expect(created).toHaveLength(1);
    const winner = created[0]!.body.user.customerId as string;
    for (const res of answers.filter((r) => r.status !== 201)) {
      // the winner's own retry is a replay (200), the other account's a 409
      const sameAccount = res.status === 200;
      if (sameAccount) expect(res.body.user.customerId).toBe(winner);
      else expectProblem(res, 409, 'sip_username_taken');
    }
    const xml = await directoryXml(sipUsername);
    expect(variable(xml, 'billing_customer_id')).toBe(winner);
  });

  it('an Idempotency-Key makes a retried rename, suspension, reactivation or removal the first answer again; the key with another body is 422', async () => {
    const customer = await newCustomer();
    const name = `idem-${customer.accountNumber}`;
    expectStatus(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: name } }), 201);
    const user = `${users(customer.id)}/${name}`;
    const keyed = (method: string, url: string, key: string, body?: object) => app.request(method, url, { token: agent.token, body, headers: { 'idempotency-key': key } });
    const replayed = async (method: string, url: string, key: string, status: number, body?: object) => {
      const first = await keyed(method, url, key, body);
      expectStatus(first, status);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await keyed(method, url, key, body);
      expectStatus(again, status);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      return again;
    };
    expect((await replayed('PATCH', user, 'rename-1', 200, { displayName: 'Kitchen' })).body.displayName).toBe('Kitchen');
    expectProblem(await keyed('PATCH', user, 'rename-1', { displayName: 'Hall' }), 422, 'idempotency_key_reused');
    expectProblem(await keyed('PATCH', user, 'k'.repeat(256), { displayName: 'Hall' }), 400, 'invalid_idempotency_key');
    expect((await app.request('GET', user, { token: agent.token })).body.displayName).toBe('Kitchen');
    // a suspension replayed after the reactivation is the first answer, not a second suspension
    expect((await replayed('POST', `${user}/suspend`, 'suspend-1', 200)).body.status).toBe('suspended');
    expect((await replayed('POST', `${user}/reactivate`, 'reactivate-1', 200)).body.status).toBe('active');
    expect((await keyed('POST', `${user}/suspend`, 'suspend-1')).body.status).toBe('suspended');
    expect((await app.request('GET', user, { token: agent.token })).body.status).toBe('active');
    await replayed('DELETE', user, 'remove-1', 204);
    expectProblem(await app.request('GET', user, { token: agent.token }), 404, 'sip_user_not_found');
  });

  it('a new password retried with its Idempotency-Key is not rotated again: 200 with sipPassword null; the key on another user is 422', async () => {
    const customer = await newCustomer();
    const name = `pw-${customer.accountNumber}`;
    expectStatus(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: name } }), 201);
    const reset = (user: string, key: string) => app.request('POST', `${users(customer.id)}/${user}/password`, { token: customer.token, headers: { 'idempotency-key': key } });
    const first = await reset(name, 'pw-1');
    expectStatus(first, 200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.body.sipPassword).toEqual(expect.any(String));
    const [again, concurrent] = await Promise.all([reset(name, 'pw-1'), reset(name, 'pw-1')]);
    for (const res of [again, concurrent]) {
      expectStatus(res, 200);
      expect(res.headers.get('idempotent-replayed')).toBe('true');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toEqual({ sipUsername: name, sipPassword: null, sipRealm: TEST_SIP_REALM });
    }
    // the password the first answer showed is the one the switch checks
    expect(variable(await directoryXml(name), 'a1-hash')).toBe(md5(`${name}:${TEST_SIP_REALM}:${first.body.sipPassword}`));
    expectProblem(await reset(customer.sipUsername, 'pw-1'), 422, 'idempotency_key_reused');
    expectProblem(await reset(name, 'k'.repeat(256)), 400, 'invalid_idempotency_key');
    expect(variable(await directoryXml(name), 'a1-hash')).toBe(md5(`${name}:${TEST_SIP_REALM}:${first.body.sipPassword}`));
    // another key is another new password
    const second = await reset(name, 'pw-2');
    expectStatus(second, 200);
    expect(second.body.sipPassword).not.toBe(first.body.sipPassword);
  });

  // The key is looked up in the same plan run as the state the commit is checked against: a retry
  // that looked before the first attempt committed, but loaded the customer after it, must not
  // add a second user (or rotate the password a second time).
  it('first attempts under one Idempotency-Key all at once: one user added, one password rotation', async () => {
    const CONCURRENT = 8;
    // the window is narrow: rounds make it likely that one of them falls into it
    for (let round = 1; round <= 10; round += 1) {
      const customer = await newCustomer();
      const add = () => app.request('POST', users(customer.id), { token: agent.token, body: {}, headers: { 'idempotency-key': `burst-${round}` } });
      const adds = await Promise.all(Array.from({ length: CONCURRENT }, add));
      expect({ round, statuses: adds.map((res) => res.status).sort() }).toEqual({ round, statuses: [200, 200, 200, 200, 200, 200, 200, 201] });
      const listed = await app.request('GET', users(customer.id), { token: agent.token });
      expect({ round, users: listed.body.items.length }).toEqual({ round, users: 2 });

      const name = `${customer.accountNumber}-2`;
      const reset = () => app.request('POST', `${users(customer.id)}/${name}/password`, { token: agent.token, headers: { 'idempotency-key': `burst-pw-${round}` } });
      const resets = await Promise.all(Array.from({ length: CONCURRENT }, reset));
      const shown = resets.filter((res) => res.status === 200 && res.body.sipPassword !== null);
      expect({ round, shown: shown.length }).toEqual({ round, shown: 1 });
      expect(variable(await directoryXml(name), 'a1-hash')).toBe(md5(`${name}:${TEST_SIP_REALM}:${shown[0]!.body.sipPassword}`));
    }
  });

  it('rename, suspend, reactivate, new password by the customer, remove — each seen by the next read and the switch', async () => {
    const customer = await newCustomer();
    const added = await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: `ext-${customer.accountNumber}` } });
    expectStatus(added, 201);
    const user = `${users(customer.id)}/ext-${customer.accountNumber}`;
    const name = `ext-${customer.accountNumber}`;

    const renamed = await app.request('PATCH', user, { token: agent.token, body: { displayName: 'Kitchen' } });
    expectStatus(renamed, 200);
    expect(renamed.body.displayName).toBe('Kitchen');
    expectProblem(await app.request('PATCH', user, { token: customer.token, body: { displayName: 'Mine' } }), 403);

    expectStatus(await app.request('POST', `${user}/suspend`, { token: agent.token }), 200);
    expect(await directoryXml(name)).toContain('not found');
    expect((await app.request('GET', user, { token: customer.token })).body.status).toBe('suspended');
    expectStatus(await app.request('POST', `${user}/reactivate`, { token: app.adminToken }), 200);
    expect(await directoryXml(name)).toContain(`<user id="${name}">`);

    const reset = await app.request('POST', `${user}/password`, { token: customer.token });
    expectStatus(reset, 200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    expect(reset.body.sipPassword).not.toBe(added.body.credentials.sipPassword);
    expect(variable(await directoryXml(name), 'a1-hash')).toBe(md5(`${name}:${TEST_SIP_REALM}:${reset.body.sipPassword}`));

    expect((await app.request('DELETE', user, { token: agent.token })).status).toBe(204);
    expect((await app.request('DELETE', user, { token: agent.token })).status).toBe(204);
    expect(await directoryXml(name)).toContain('not found');
    expectProblem(await app.request('GET', user, { token: agent.token }), 404, 'sip_user_not_found');
    expectProblem(await app.request('POST', `${user}/password`, { token: customer.token }), 404, 'sip_user_not_found');
    // removed before = a 204 again (above); a user the account never had is a 404, and changes nothing
    expectProblem(await app.request('DELETE', `${users(customer.id)}/never-here`, { token: agent.token }), 404, 'sip_user_not_found');
  });

  it('lists users in pages: {items, nextCursor}, every user in the default page', async () => {
    const customer = await newCustomer();
    for (const name of ['page-a', 'page-b', 'page-c']) expectStatus(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: `${customer.accountNumber}-${name}` } }), 201);
    const all = await app.request('GET', users(customer.id), { token: customer.token });
    expectStatus(all, 200);
    expect(all.body.nextCursor).toBeNull();
    const order = (all.body.items as { sipUsername: string }[]).map((u) => u.sipUsername);
    expect(order).toEqual([customer.sipUsername, ...['page-a', 'page-b', 'page-c'].map((name) => `${customer.accountNumber}-${name}`)]);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await app.request('GET', `${users(customer.id)}?limit=1${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, { token: agent.token });
      expectStatus(page, 200);
      expect(page.body.items).toHaveLength(1);
      paged.push(page.body.items[0].sipUsername);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(order);
    expectProblem(await app.request('GET', `${users(customer.id)}?cursor=made-up`, { token: agent.token }), 400, 'invalid_cursor');
    expectProblem(await app.request('GET', `${users(customer.id)}?limit=0`, { token: agent.token }), 400, 'validation');
  });

  it('refuses a crafted cursor of the right length with invalid_cursor (not a cast error in SQL)', async () => {
    const customer = await newCustomer();
    const crafted = (key: unknown[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
    for (const key of [
      ['x', 'y', 'z'],
      ['true', 'not a time', 'a'],
      ['true', '2026-02-31T00:00:00.000Z', 'a'],
      ['maybe', '2026-01-01T00:00:00.000Z', 'a'],
    ]) {
      expectProblem(await app.request('GET', `${users(customer.id)}?limit=1&cursor=${crafted(key)}`, { token: agent.token }), 400, 'invalid_cursor');
    }
  });

  it('pages through users from before added_at existed (NULL): each once, first user first', async () => {
    const customer = await newCustomer();
    const names = ['old-b', 'old-a', 'new-c'].map((name) => `${customer.accountNumber}-${name}`);
    for (const name of names) expectStatus(await app.request('POST', users(customer.id), { token: agent.token, body: { sipUsername: name } }), 201);
    // rows projected before the column was added have no time: the first user and two further ones
    await app.pool.query(`UPDATE ${app.db.table('sip_directory')} SET added_at = NULL WHERE customer_id = $1 AND sip_username <> $2`, [customer.id, names[2]]);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await app.request('GET', `${users(customer.id)}?limit=1${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, { token: agent.token });
      expectStatus(page, 200);
      paged.push(...(page.body.items as { sipUsername: string }[]).map((u) => u.sipUsername));
      cursor = page.body.nextCursor;
    } while (cursor !== null && paged.length < 10);
    // NULL times sort first (as they were added before the column), ties by username
    expect(paged).toEqual([customer.sipUsername, names[1], names[0], names[2]]);
  });
});
