// PBX features through the public API (issue 13 §3): ITC assigns a customer's set and a profile's
// default, agents and customers get 403 features_itc_only and see the set in their reads; openings
// and batches take the profile's set; FollowMe and the customer's own CallerID changes are refused
// with a code naming the missing feature; the directory hands the switch recording and voicemail;
// each change is an audited event published with the instant it takes effect.
import { customerStreamId, toIntegrationEvent } from '@billing/accounts-domain';
import { jest } from '@jest/globals';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsEventCodec } from '../infrastructure/event-codec.js';

jest.setTimeout(60_000);

const DEFAULTS = {
  followMe: true,
  callerIdSelfManagement: true,
  internationalCalls: true,
  premiumDestinations: false,
  callRecording: false,
  voicemail: false,
  homeCountryCode: null,
  premiumPrefixes: [],
};

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let rival: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  rival = await registerAgent(app);
  profile = await createProfile(app, agent.token, { name: 'Agent prepaid', initialBalance: '0' });
});

afterAll(async () => {
  await app?.close();
});

async function newCustomer(profileId = profile) {
  const opened = await openCustomer(app, agent.token, { profileId });
  const token = await app.gw.login(opened.credentials.portalUsername!, opened.credentials.portalPassword!);
  return { id: opened.customer.id, sipUsername: opened.customer.sipUsername, token, view: opened.customer as unknown as Record<string, unknown> };
}

const features = (customerId: string) => `/api/v1/customers/${customerId}/features`;

async function variables(sipUsername: string): Promise<{ xml: string; json: Record<string, string> }> {
  const xml = await app.request('POST', '/api/v1/switch/directory', {
    token: app.gw.switchApiKey!,
    rawBody: new URLSearchParams({ section: 'directory', user: sipUsername, domain: TEST_SIP_REALM }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expectStatus(xml, 200);
  const json = await app.request('GET', `/api/v1/switch/directory/${sipUsername}`, { token: app.gw.switchApiKey! });
  expectStatus(json, 200);
  return { xml: xml.text, json: json.body.variables };
}

async function featureEvents(customerId: string) {
  const recorded = await app.db.store.readStream(customerStreamId(customerId), 0, 1_000);
  return recorded.map((r) => accountsEventCodec.fromStored(r)).filter((event) => event.type === 'CustomerFeaturesChanged');
}

describe('a customer’s PBX features', () => {
  it('today’s customers get what was implicitly available: FollowMe, CallerID and international calls, nothing else', async () => {
    const customer = await newCustomer();
    expect(customer.view.features).toEqual(DEFAULTS);
  });

  it('ITC assigns them; the agent and the customer see them in their reads; the switch gets recording and voicemail', async () => {
    const customer = await newCustomer();
    const before = await variables(customer.sipUsername);
    expect(before.json).toMatchObject({ call_recording: 'false', voicemail_enabled: 'false' });
    const changed = await app.request('PATCH', features(customer.id), {
      token: app.adminToken,
      body: { internationalCalls: false, homeCountryCode: '351', callRecording: true, voicemail: true, premiumPrefixes: ['3516'] },
    });
    expectStatus(changed, 200);
    const expected = { ...DEFAULTS, internationalCalls: false, homeCountryCode: '351', callRecording: true, voicemail: true, premiumPrefixes: ['3516'] };
    expect(changed.body.features).toEqual(expected);
    for (const token of [agent.token, customer.token]) {
      const read = await app.request('GET', `/api/v1/customers/${customer.id}`, { token });
      expectStatus(read, 200);
      expect(read.body.features).toEqual(expected);
    }
    const after = await variables(customer.sipUsername);
    expect(after.json).toMatchObject({ call_recording: 'true', voicemail_enabled: 'true' });
    expect(after.xml).toContain('<variable name="call_recording" value="true"/>');
    expect(after.xml).toContain('<variable name="voicemail_enabled" value="true"/>');

    // audited: who and when, published with the instant it takes effect
    const [event] = await featureEvents(customer.id);
    expect(event).toMatchObject({ actor: expect.stringMatching(/^admin:/), internationalCalls: false });
    expect(toIntegrationEvent(event!)).toMatchObject({ type: 'accounts.CustomerFeaturesChanged', data: { effectiveFrom: event!.occurredAt, homeCountryCode: '351' } });

    // the same PATCH again changes nothing (no second event)
    expectStatus(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { callRecording: true } }), 200);
    expect(await featureEvents(customer.id)).toHaveLength(1);
    // the audit trail as the agent and the customer read it: the opening set, then ITC's change
    for (const token of [agent.token, customer.token]) {
      const history = await app.request('GET', `${features(customer.id)}/changes`, { token });
      expectStatus(history, 200);
      expect(history.body.items).toEqual([
        { effectiveFrom: expect.any(String), actor: `agent:${agent.id}`, features: DEFAULTS },
        { effectiveFrom: event!.occurredAt, actor: event!.actor, features: expected },
      ]);
    }
    expectProblem(await app.request('GET', `${features(customer.id)}/changes`, { token: rival.token }), 404);
  });

  it('an Idempotency-Key makes a retried change the first answer again (one event); the key with another body is 422 and changes nothing', async () => {
    const customer = await newCustomer();
    const keyed = (body: object, key = 'features-1') => app.request('PATCH', features(customer.id), { token: app.adminToken, body, headers: { 'idempotency-key': key } });
    const first = await keyed({ voicemail: true });
    expectStatus(first, 200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await keyed({ voicemail: true });
    expectStatus(again, 200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.features).toEqual({ ...DEFAULTS, voicemail: true });
    expectProblem(await keyed({ callRecording: true }), 422, 'idempotency_key_reused');
    expectProblem(await keyed({ callRecording: true }, 'k'.repeat(256)), 400, 'invalid_idempotency_key');
    expect(await featureEvents(customer.id)).toHaveLength(1);
    expect((await app.request('GET', `/api/v1/customers/${customer.id}`, { token: agent.token })).body.features).toEqual({ ...DEFAULTS, voicemail: true });

    const profileFeatures = `/api/v1/customer-profiles/${profile}/features`;
    const keyedProfile = (body: object) => app.request('PATCH', profileFeatures, { token: app.adminToken, body, headers: { 'idempotency-key': 'profile-features-1' } });
    expectStatus(await keyedProfile({ callRecording: false }), 200);
    const profileAgain = await keyedProfile({ callRecording: false });
    expectStatus(profileAgain, 200);
    expect(profileAgain.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await keyedProfile({ voicemail: true }), 422, 'idempotency_key_reused');
  });

  it('agents and customers get 403 features_itc_only and nothing changes; another agent’s customer is a 404', async () => {
    const customer = await newCustomer();
    expectProblem(await app.request('PATCH', features(customer.id), { token: agent.token, body: { voicemail: true } }), 403, 'features_itc_only');
    expectProblem(await app.request('PATCH', features(customer.id), { token: customer.token, body: { premiumDestinations: true } }), 403, 'features_itc_only');
    expectProblem(await app.request('PATCH', features(customer.id), { token: rival.token, body: { voicemail: true } }), 404);
    expect((await app.request('GET', `/api/v1/customers/${customer.id}`, { token: app.adminToken })).body.features).toEqual(DEFAULTS);
    expect(await featureEvents(customer.id)).toEqual([]);
  });

  it('refuses what breaks a rule (422) and changes nothing', async () => {
    const customer = await newCustomer();
    expectProblem(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { internationalCalls: false } }), 422, 'home_country_code_required');
    expectProblem(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { homeCountryCode: '0351' } }), 422, 'invalid_home_country_code');
    expectProblem(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { premiumPrefixes: ['3516', '3516'] } }), 422, 'duplicate_premium_prefix');
    expectProblem(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { premiumPrefixes: ['+3516'] } }), 422, 'invalid_premium_prefix');
    expect((await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { voicemail: 'yes' } })).status).toBe(400);
    expect((await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { recording: true } })).status).toBe(400);
    // an empty change is a 400, as every PATCH's (for the customer's and the profile's features)
    expectProblem(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: {} }), 400, 'validation');
    expectProblem(await app.request('PATCH', `/api/v1/customer-profiles/${profile}/features`, { token: app.adminToken, body: {} }), 400, 'validation');
    expect(await featureEvents(customer.id)).toEqual([]);
  });

  it('concurrent changes of different features both land', async () => {
    const customer = await newCustomer();
    const answers = await Promise.all([
      app.request('PATCH', features(customer.id), { token: app.adminToken, body: { callRecording: true } }),
      app.request('PATCH', features(customer.id), { token: app.adminToken, body: { voicemail: true } }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const read = await app.request('GET', `/api/v1/customers/${customer.id}`, { token: app.adminToken });
    expect(read.body.features).toMatchObject({ callRecording: true, voicemail: true });
    expect(await featureEvents(customer.id)).toHaveLength(2);
  });
});

describe('self-service a missing feature forbids', () => {
  it('FollowMe is refused when ITC has not given it (403 feature_follow_me_not_assigned), and the switch no longer follows', async () => {
    const customer = await newCustomer();
    const followMe = { enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 20 }] };
    expectStatus(await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, { token: customer.token, body: followMe }), 200);
    expect((await variables(customer.sipUsername)).json).toMatchObject({ follow_me_enabled: 'true' });
    expectStatus(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { followMe: false } }), 200);
    expect((await variables(customer.sipUsername)).json).toMatchObject({ follow_me_enabled: 'false' });
    expectProblem(await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, { token: customer.token, body: followMe }), 403, 'feature_follow_me_not_assigned');
    // switching it off stays possible
    expectStatus(await app.request('PUT', `/api/v1/customers/${customer.id}/follow-me`, { token: customer.token, body: { enabled: false, targets: [] } }), 200);
  });

  it('the customer’s own CallerID changes need CallerID self-management; its agent still manages them', async () => {
    const customer = await newCustomer();
    expectStatus(await app.request('PATCH', features(customer.id), { token: app.adminToken, body: { callerIdSelfManagement: false } }), 200);
    const add = (token: string) => app.request('POST', `/api/v1/customers/${customer.id}/caller-ids`, { token, body: { callerId: '+442079460958' } });
    expectProblem(await add(customer.token), 403, 'feature_caller_id_self_management_not_assigned');
    const byAgent = await add(agent.token);
    expectStatus(byAgent, 200);
    expect(byAgent.body.callerIds).toEqual(['+442079460958']);
    expectProblem(await app.request('DELETE', `/api/v1/customers/${customer.id}/caller-ids/%2B442079460958`, { token: customer.token }), 403, 'feature_caller_id_self_management_not_assigned');
  });
});

describe('a profile’s default features', () => {
  it('ITC sets them (the agent gets 403 even on its own profile); single openings and batches take them', async () => {
    const own = await createProfile(app, agent.token, { name: 'Domestic', initialBalance: '0' });
    const path = `/api/v1/customer-profiles/${own}/features`;
    expectProblem(await app.request('PATCH', path, { token: agent.token, body: { voicemail: true } }), 403, 'features_itc_only');
    expectProblem(await app.request('PATCH', path, { token: rival.token, body: { voicemail: true } }), 404);
    const set = await app.request('PATCH', path, { token: app.adminToken, body: { internationalCalls: false, homeCountryCode: '351', voicemail: true } });
    expectStatus(set, 200);
    const domestic = { ...DEFAULTS, internationalCalls: false, homeCountryCode: '351', voicemail: true };
    expect(set.body.features).toEqual(domestic);
    expect((await app.request('GET', `/api/v1/customer-profiles/${own}`, { token: agent.token })).body.features).toEqual(domestic);

    const single = await newCustomer(own);
    expect(single.view.features).toEqual(domestic);
    expect((await variables(single.sipUsername)).json).toMatchObject({ voicemail_enabled: 'true' });
    // published with the opening, so rating knows them from the first call
    const [opened] = await app.db.store.readStream(customerStreamId(single.id), 0, 1);
    expect(toIntegrationEvent(accountsEventCodec.fromStored(opened!))?.data).toMatchObject({ features: domestic });

    const batch = await app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: own, agentId: agent.id, count: 10 } });
    expectStatus(batch, 201);
    const ids = (batch.body.customers as { customerId: string }[]).map((customer) => customer.customerId);
    const reads = await Promise.all(ids.map((id) => app.request('GET', `/api/v1/customers/${id}`, { token: agent.token })));
    expect(reads.map((read) => read.body.features)).toEqual(ids.map(() => domestic));
  });
});
