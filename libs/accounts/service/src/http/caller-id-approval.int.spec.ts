// CallerID spoofing: a number a customer adds is pending until its agent (or ITC) approves it, and
// until then it is never sent to the switch (XML and JSON directory) nor published; ITC can switch
// an agent's customers' self-service off. Through the public API on the run's PostgreSQL.
import { customerStreamId, toIntegrationEvent } from '@billing/accounts-domain';
import { jest } from '@jest/globals';
import { startAccountsTestApp, TEST_SIP_REALM, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import { accountsEventCodec } from '../infrastructure/event-codec.js';

jest.setTimeout(60_000);

const LONDON = '+442079460958';
const MADRID = '+34912345678';

let app: AccountsTestApp;
let agent: Awaited<ReturnType<typeof registerAgent>>;
let rival: Awaited<ReturnType<typeof registerAgent>>;
let profile: string;

beforeAll(async () => {
  app = await startAccountsTestApp();
  agent = await registerAgent(app);
  rival = await registerAgent(app);
  profile = await createProfile(app, agent.token, { name: 'Agent prepaid' });
});

afterAll(async () => {
  await app?.close();
});

async function newCustomer(owner = agent) {
  const opened = await openCustomer(app, owner.token, { profileId: owner === agent ? profile : await createProfile(app, owner.token) });
  const token = await app.gw.login(opened.credentials.portalUsername!, opened.credentials.portalPassword!);
  return { id: opened.customer.id, sipUsername: opened.customer.sipUsername, token };
}

const callerIds = (customerId: string) => `/api/v1/customers/${customerId}/caller-ids`;
const decision = (customerId: string, number: string, verb: 'approve' | 'reject') => `${callerIds(customerId)}/${encodeURIComponent(number)}/${verb}`;

/** What the switch is told about the SIP user, as XML (mod_xml_curl) and as JSON. */
async function switchSees(sipUsername: string): Promise<{ xmlCallerId: string | null; jsonCallerId: string | null }> {
  const xml = await app.request('POST', '/api/v1/switch/directory', {
    token: app.gw.switchApiKey!,
    rawBody: new URLSearchParams({ section: 'directory', user: sipUsername, domain: TEST_SIP_REALM }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expectStatus(xml, 200);
  const json = await app.request('GET', `/api/v1/switch/directory/${sipUsername}`, { token: app.gw.switchApiKey! });
  expectStatus(json, 200);
  return { xmlCallerId: /name="effective_caller_id_number" value="([^"]+)"/.exec(xml.text)?.[1] ?? null, jsonCallerId: json.body.callerId ?? null };
}

/** CallerID lists in the customer's events that the relay publishes (accounts.CustomerCallerIdsChanged). */
async function publishedCallerIds(customerId: string): Promise<string[][]> {
  const recorded = await app.db.store.readStream(customerStreamId(customerId), 0, 1_000);
  return recorded
    .map((r) => toIntegrationEvent(accountsEventCodec.fromStored(r)))
    .filter((shape) => shape?.type === 'accounts.CustomerCallerIdsChanged')
    .map((shape) => (shape!.data as { callerIds: string[] }).callerIds);
}

describe('a CallerID the customer adds', () => {
  it('waits for approval and is never sent to the switch or published until then', async () => {
    const customer = await newCustomer();
    const added = await app.request('POST', callerIds(customer.id), { token: customer.token, body: { callerId: '0044 20 7946 0958' } });
    expectStatus(added, 200);
    expect(added.body).toMatchObject({ callerIds: [], defaultCallerId: null, pendingCallerIds: [LONDON] });
    expect(await switchSees(customer.sipUsername)).toEqual({ xmlCallerId: null, jsonCallerId: null });
    expect(await publishedCallerIds(customer.id)).toEqual([]);
    // it cannot be made the default either
    expectProblem(await app.request('PUT', `${callerIds(customer.id)}/default`, { token: customer.token, body: { callerId: LONDON } }), 422, 'caller_id_not_approved');

    const approved = await app.request('POST', decision(customer.id, LONDON, 'approve'), { token: agent.token });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ callerIds: [LONDON], defaultCallerId: LONDON, pendingCallerIds: [] });
    // read-your-writes: the switch sees it with the answer
    expect(await switchSees(customer.sipUsername)).toEqual({ xmlCallerId: LONDON, jsonCallerId: LONDON });
    expect(await publishedCallerIds(customer.id)).toEqual([[LONDON]]);
  });

  it('is approved or rejected only by its agent or ITC', async () => {
    const customer = await newCustomer();
    await app.request('POST', callerIds(customer.id), { token: customer.token, body: { callerId: LONDON } });
    const before = await app.count('events');
    expectProblem(await app.request('POST', decision(customer.id, LONDON, 'approve'), { token: customer.token }), 403);
    expectProblem(await app.request('POST', decision(customer.id, LONDON, 'approve'), { token: rival.token }), 404);
    expectProblem(await app.request('POST', decision(customer.id, LONDON, 'reject'), { token: rival.token }), 404);
    expectProblem(await app.request('POST', decision(customer.id, MADRID, 'approve'), { token: agent.token }), 422, 'caller_id_not_pending');
    expectProblem(await app.request('POST', decision(customer.id, 'call me', 'approve'), { token: agent.token }), 422, 'invalid_caller_id');
    expect(await app.count('events')).toBe(before);

    const rejected = await app.request('POST', decision(customer.id, LONDON, 'reject'), { token: app.adminToken });
    expect(rejected.body).toMatchObject({ callerIds: [], pendingCallerIds: [] });
    expect(await switchSees(customer.sipUsername)).toEqual({ xmlCallerId: null, jsonCallerId: null });
    // rejecting again changes nothing; approving what was rejected needs a new request from the customer
    expect((await app.request('POST', decision(customer.id, LONDON, 'reject'), { token: agent.token })).status).toBe(200);
    expectProblem(await app.request('POST', decision(customer.id, LONDON, 'approve'), { token: agent.token }), 422, 'caller_id_not_pending');
  });

  it('approved by many concurrent requests is approved once', async () => {
    const customer = await newCustomer();
    await app.request('POST', callerIds(customer.id), { token: customer.token, body: { callerId: LONDON } });
    const before = await app.count('events');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => app.request('POST', decision(customer.id, LONDON, 'approve'), { token: i % 2 === 0 ? agent.token : app.adminToken })));
    expect(answers.map((res) => res.status)).toEqual(Array(8).fill(200));
    for (const res of answers) expect(res.body).toMatchObject({ callerIds: [LONDON], pendingCallerIds: [] });
    expect(await app.count('events')).toBe(before + 1);
  });
});

describe('numbers added by the agent or ITC', () => {
  it('are approved at once and go to the switch', async () => {
    const customer = await newCustomer();
    const added = await app.request('POST', callerIds(customer.id), { token: agent.token, body: { callerId: MADRID } });
    expect(added.body).toMatchObject({ callerIds: [MADRID], defaultCallerId: MADRID, pendingCallerIds: [] });
    expect(await switchSees(customer.sipUsername)).toEqual({ xmlCallerId: MADRID, jsonCallerId: MADRID });
  });
});

describe("ITC's per-agent switch", () => {
  it("off: a customer's add is a 403 that says why and changes nothing; the agent still adds numbers", async () => {
    const strict = await registerAgent(app, { customersMayAddCallerIds: false });
    expect(strict.view.customersMayAddCallerIds).toBe(false);
    const customer = await newCustomer(strict);
    const before = await app.count('events');
    const refused = await app.request('POST', callerIds(customer.id), { token: customer.token, body: { callerId: LONDON } });
    expectProblem(refused, 403, 'caller_id_self_service_disabled');
    expect(refused.body.detail).toBe("this customer's agent does not let its customers add caller IDs: ask the agent");
    expect(await app.count('events')).toBe(before);
    expect((await app.request('POST', callerIds(customer.id), { token: strict.token, body: { callerId: LONDON } })).body.callerIds).toEqual([LONDON]);

    // on again (ITC only): the customer may ask, pending approval
    expectProblem(await app.request('PATCH', `/api/v1/agents/${strict.id}`, { token: strict.token, body: { customersMayAddCallerIds: true } }), 403, 'itc_only');
    expect((await app.request('PATCH', `/api/v1/agents/${strict.id}`, { token: app.adminToken, body: { customersMayAddCallerIds: true } })).body.customersMayAddCallerIds).toBe(true);
    expect((await app.request('POST', callerIds(customer.id), { token: customer.token, body: { callerId: MADRID } })).body).toMatchObject({ callerIds: [LONDON], pendingCallerIds: [MADRID] });
  });
});
