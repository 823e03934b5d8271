// Portal settings, status changes and the softswitch directory through the public API: what a
// customer (or its agent) changes is what FreeSWITCH is told, and bad input changes nothing.
import { jest } from '@jest/globals';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { sipHa1 } from '../application/generated-credentials.js';

jest.setTimeout(60_000);

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  profile = await createProfile(app, agent.token, { name: 'Agent prepaid' });
});

afterAll(async () => {
  await app?.close();
});

async function newCustomer() {
  const opened = await openCustomer(app, agent.token, { profileId: profile });
  const token = await app.gw.login(opened.credentials.portalUsername!, opened.credentials.portalPassword!);
  return { id: opened.customer.id, sipUsername: opened.customer.sipUsername, sipPassword: opened.credentials.sipPassword!, token };
}

const directoryForm = (user: string, domain = TEST_SIP_REALM, section = 'directory') =>
  new URLSearchParams({ hostname: 'fs1', section, tag_name: 'domain', key_name: 'name', key_value: domain, 'Event-Name': 'REQUEST_PARAMS', action: 'sip_auth', user, domain }).toString();

async function freeswitchLookup(user: string, domain?: string, token = app.gw.switchApiKey!) {
  return app.request('POST', '/api/v1/switch/directory', {
    token,
    rawBody: directoryForm(user, domain),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('CallerIDs', () => {
  it('normalises to E.164, makes the first approved one the default, lets the customer choose and remove', async () => {
    const customer = await newCustomer();
    const base = `/api/v1/customers/${customer.id}/caller-ids`;
    const asked = await app.request('POST', base, { token: customer.token, body: { callerId: '0044 20 7946 0958' } });
    expect(asked.body).toMatchObject({ callerIds: [], defaultCallerId: null, pendingCallerIds: ['+442079460958'] });
    const first = await app.request('POST', `${base}/${encodeURIComponent('+442079460958')}/approve`, { token: agent.token });
    expect(first.body).toMatchObject({ callerIds: ['+442079460958'], defaultCallerId: '+442079460958', pendingCallerIds: [] });
    await app.request('POST', base, { token: agent.token, body: { callerId: '+34 912 345 678' } });
    const chosen = await app.request('PUT', `${base}/default`, { token: customer.token, body: { callerId: '+34912345678' } });
    expect(chosen.body).toMatchObject({ callerIds: ['+442079460958', '+34912345678'], defaultCallerId: '+34912345678' });
    const removed = await app.request('DELETE', `${base}/${encodeURIComponent('+34912345678')}`, { token: customer.token });
    expect(removed.body).toMatchObject({ callerIds: ['+442079460958'], defaultCallerId: '+442079460958' });
  });

  it('refuses national numbers, garbage and unknown defaults, and changes nothing', async () => {
    const customer = await newCustomer();
    const base = `/api/v1/customers/${customer.id}/caller-ids`;
    const before = await app.count('events');
    expectProblem(await app.request('POST', base, { token: customer.token, body: { callerId: '020 7946 0958' } }), 422, 'invalid_caller_id');
    expectProblem(await app.request('POST', base, { token: customer.token, body: { callerId: 442079460958 } }), 400, 'validation');
    expectProblem(await app.request('POST', base, { token: customer.token, body: { callerId: '+442079460958', label: 'x' } }), 400, 'validation');
    expectProblem(await app.request('PUT', `${base}/default`, { token: customer.token, body: { callerId: '+442079460958' } }), 422, 'caller_id_not_found');
    expect(await app.count('events')).toBe(before);
  });
});

describe('FollowMe and settings', () => {
  it('replaces FollowMe and changes settings; the directory carries them', async () => {
    const customer = await newCustomer();
    const followMe = await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, {
      token: customer.token,
      body: { enabled: true, targets: [{ destination: '+44 7700 900123', ringSeconds: 20 }, { destination: '+34912345678', ringSeconds: 30 }] },
    });
    expectStatus(followMe, 200);
    expect(followMe.body.followMe).toEqual({ enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 20 }, { destination: '+34912345678', ringSeconds: 30 }] });
    const settings = await app.request('PATCH', `/api/v1/customers/${customer.id}/settings`, {
      token: customer.token,
      body: { lowBalanceThreshold: '2.5', contactEmail: 'me@Example.COM', language: 'es-mx', lowBalanceEmailEnabled: false },
    });
    expect(settings.body).toMatchObject({ lowBalanceThreshold: '2.5', contactEmail: 'me@example.com', language: 'es-MX', lowBalanceEmailEnabled: false });
    // only a language the e-mails and the portal are written in (en, es)
    expectProblem(await app.request('PATCH', `/api/v1/customers/${customer.id}/settings`, { token: customer.token, body: { language: 'pt-BR' } }), 422, 'invalid_language');
    const entry = await app.request('GET', `/api/v1/switch/directory/${customer.sipUsername}`, { token: app.gw.switchApiKey! });
    expect(entry.body.variables).toMatchObject({ follow_me_enabled: 'true', follow_me_targets: '+447700900123:20,+34912345678:30' });
  });

  it.each([
    ['enabled without targets', { enabled: true, targets: [] }, 422, 'follow_me_empty'],
    ['a ring time out of range', { enabled: false, targets: [{ destination: '+447700900123', ringSeconds: 500 }] }, 422, 'invalid_ring_seconds'],
    ['six targets', { enabled: false, targets: Array.from({ length: 6 }, (_, i) => ({ destination: `+4477009001${i}0`, ringSeconds: 10 })) }, 422, 'follow_me_too_many_targets'],
    ['a bad destination', { enabled: false, targets: [{ destination: 'home', ringSeconds: 10 }] }, 422, 'invalid_follow_me_destination'],
    ['ring seconds as a string', { enabled: false, targets: [{ destination: '+447700900123', ringSeconds: '10' }] }, 400, 'validation'],
    ['a missing field', { targets: [] }, 400, 'validation'],
  ])('refuses FollowMe with %s and changes nothing', async (_what, body, status, code) => {
    const customer = await newCustomer();
    const before = await app.count('events');
    expectProblem(await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, { token: customer.token, body }), status, code);
    expect(await app.count('events')).toBe(before);
  });

  it.each([
    ['an empty body', {}, 400, 'validation'],
    ['a bad e-mail', { contactEmail: 'me@' }, 400, 'validation'],
    ['a JSON number as threshold', { lowBalanceThreshold: 2 }, 400, 'validation'],
    ['a bad language', { language: 'english!' }, 422, 'invalid_language'],
    ['an unknown field', { theme: 'dark' }, 400, 'validation'],
  ])('refuses settings with %s and changes nothing', async (_what, body, status, code) => {
    const customer = await newCustomer();
    const before = await app.count('events');
    expectProblem(await app.request('PATCH', `/api/v1/customers/${customer.id}/settings`, { token: customer.token, body }), status, code);
    expect(await app.count('events')).toBe(before);
  });
});

describe('the softswitch directory', () => {
  it('answers FreeSWITCH with the HA1 of the returned password and the customer variables', async () => {
    const customer = await newCustomer();
    await app.request('POST', `/api/v1/customers/${customer.id}/caller-ids`, { token: agent.token, body: { callerId: '+442079460958' } });
    const res = await freeswitchLookup(customer.sipUsername);
    expectStatus(res, 200);
    expect(res.contentType).toMatch(/^text\/xml/);
    const ha1 = /<param name="a1-hash" value="([0-9a-f]{32})"\/>/.exec(res.text)?.[1];
    expect(ha1).toBe(sipHa1(customer.sipUsername, TEST_SIP_REALM, customer.sipPassword));
    expect(res.text).toContain(`<user id="${customer.sipUsername}">`);
    expect(res.text).toContain(`<domain name="${TEST_SIP_REALM}">`);
    expect(res.text).toContain(`<variable name="accountcode" value="${customer.sipUsername}"/>`);
    expect(res.text).toContain('<variable name="effective_caller_id_number" value="+442079460958"/>');

    const json = await app.request('GET', `/api/v1/switch/directory/${customer.sipUsername}`, { token: app.gw.switchApiKey! });
    expect(json.body).toMatchObject({ ha1, realm: TEST_SIP_REALM, status: 'active', callerId: '+442079460958', accountNumber: customer.sipUsername });
  });

  it('says "not found" for unknown users, other domains and other sections', async () => {
    const customer = await newCustomer();
    for (const res of [await freeswitchLookup('9999999999'), await freeswitchLookup(customer.sipUsername, 'other.example')]) {
      expectStatus(res, 200);
      expect(res.text).toContain('<result status="not found"/>');
    }
    const dialplan = await app.request('POST', '/api/v1/switch/directory', {
      token: app.gw.switchApiKey!,
      rawBody: directoryForm(customer.sipUsername, TEST_SIP_REALM, 'dialplan'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(dialplan.text).toContain('not found');
    expectProblem(await app.request('GET', '/api/v1/switch/directory/9999999999', { token: app.gw.switchApiKey! }), 404);
  });

  it('requires the switch API key', async () => {
    const customer = await newCustomer();
    expectProblem(await freeswitchLookup(customer.sipUsername, TEST_SIP_REALM, app.adminToken), 403);
    expectProblem(await app.request('GET', `/api/v1/switch/directory/${customer.sipUsername}`, { token: customer.token }), 403);
    expectProblem(await app.request('GET', `/api/v1/switch/directory/${customer.sipUsername}`), 401);
    expectProblem(await app.request('POST', '/api/v1/switch/directory', { token: app.gw.switchApiKey!, rawBody: 'user=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'validation');
  });

  it('takes the key as mod_xml_curl sends it: HTTP Basic, user "switch" (gateway-credentials switch:<key>)', async () => {
    const customer = await newCustomer();
    const lookup = (userAndPassword: string) =>
      app.request('POST', '/api/v1/switch/directory', {
        rawBody: directoryForm(customer.sipUsername),
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(userAndPassword).toString('base64')}` },
      });
    const res = await lookup(`switch:${app.gw.switchApiKey!}`);
    expectStatus(res, 200);
    expect(res.text).toContain('a1-hash');
    expectProblem(await lookup(`switch:${app.gw.switchApiKey!}-wrong`), 401, 'unauthorized');
    // Basic is a switch credential only: a customer's own login does not work that way
    expectProblem(
      await app.request('GET', `/api/v1/customers/${customer.id}`, { headers: { authorization: `Basic ${Buffer.from(`switch:${app.gw.switchApiKey!}`).toString('base64')}` } }),
      401,
      'unauthorized',
    );
  });

  it('a new SIP password replaces the HA1', async () => {
    const customer = await newCustomer();
    const reset = await app.request('POST', `/api/v1/customers/${customer.id}/sip-password`, { token: agent.token });
    expectStatus(reset, 200);
    const entry = await app.request('GET', `/api/v1/switch/directory/${customer.sipUsername}`, { token: app.gw.switchApiKey! });
    expect(entry.body.ha1).toBe(sipHa1(customer.sipUsername, TEST_SIP_REALM, reset.body.sipPassword));
    expect(entry.body.ha1).not.toBe(sipHa1(customer.sipUsername, TEST_SIP_REALM, customer.sipPassword));
  });
});

describe('suspend, reactivate, close', () => {
  it('a suspended customer is not found by FreeSWITCH, a reactivated one is again', async () => {
    const customer = await newCustomer();
    expectProblem(await app.request('POST', `/api/v1/customers/${customer.id}/suspend`, { token: customer.token }), 403);
    const suspended = await app.request('POST', `/api/v1/customers/${customer.id}/suspend`, { token: agent.token, body: { reason: 'fraud check' } });
    expect(suspended.body.status).toBe('suspended');
    expect((await freeswitchLookup(customer.sipUsername)).text).toContain('not found');
    // settings still change while suspended
    expectStatus(await app.request('PATCH', `/api/v1/customers/${customer.id}/settings`, { token: customer.token, body: { language: 'es' } }), 200);
    const active = await app.request('POST', `/api/v1/customers/${customer.id}/reactivate`, { token: app.adminToken });
    expect(active.body.status).toBe('active');
    expect((await freeswitchLookup(customer.sipUsername)).text).toContain('a1-hash');
  });

  it('closing is final: the login stops working and every change is a 409', async () => {
    const customer = await newCustomer();
    const closed = await app.request('POST', `/api/v1/customers/${customer.id}/close`, { token: agent.token });
    expect(closed.body.status).toBe('closed');
    expectProblem(await app.request('GET', `/api/v1/customers/${customer.id}`, { token: customer.token }), 401);
    expectProblem(await app.request('POST', `/api/v1/customers/${customer.id}/reactivate`, { token: agent.token }), 409, 'customer_closed');
    expectProblem(await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, { token: agent.token, body: { enabled: false, targets: [] } }), 409, 'customer_closed');
    expectProblem(await app.request('POST', `/api/v1/customers/${customer.id}/portal-password`, { token: agent.token }), 409, 'customer_closed');
    expect((await freeswitchLookup(customer.sipUsername)).text).toContain('not found');
  });

  it('a new portal password works and the old one does not', async () => {
    const opened = await openCustomer(app, agent.token, { profileId: profile });
    const reset = await app.request('POST', `/api/v1/customers/${opened.customer.id}/portal-password`, { token: agent.token });
    expectStatus(reset, 200);
    await app.gw.login(reset.body.portalUsername, reset.body.portalPassword);
    const old = await app.request('POST', '/api/v1/auth/login', { body: { username: opened.credentials.portalUsername, password: opened.credentials.portalPassword } });
    expectProblem(old, 401);
  });
});

describe('ITC billing changes', () => {
  it('changes a postpaid customer\'s credit limit and rate sheet (ITC; an agent only its own customers)', async () => {
    const postpaid = await createProfile(app, app.adminToken, { name: 'Postpaid', billingType: 'postpaid', creditLimit: '10', rateSheetId: 'sheet-p' });
    const { customer } = await openCustomer(app, app.adminToken, { profileId: postpaid });
    const res = await app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: app.adminToken, body: { creditLimit: '25.5', rateSheetId: 'sheet-q' } });
    expect(res.body).toMatchObject({ creditLimit: '25.5', rateSheetId: 'sheet-q' });
    expectProblem(await app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: agent.token, body: { creditLimit: '1' } }), 404);
  });
});
