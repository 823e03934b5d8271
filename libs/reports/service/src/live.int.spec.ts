// GET /api/v1/reports/live (Server-Sent Events) against a real app: events pushed within a
// second of being published, scoped by role, heartbeats, Last-Event-ID resume from the replay
// buffer, single-use stream tickets for EventSource (no token in the URL), a customer's own feed,
// streams closed on shutdown.
import { jest } from '@jest/globals';
import { CredentialsService } from '@billing/gateway';
import { AGENT_A, AGENT_B, openScenario, type Scenario } from './__fixtures__/scenario.js';
import type { SseClient, SseMessage } from '@billing/testing';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

const byEvent = (id: string) => (message: SseMessage) => message.id === id;

/**
 * An admin stream narrowed to an agent is a 404 until reports has consumed that agent's
 * AgentRegistered (the fixtures publish without waiting for it): retry, bounded.
 */
async function adminNarrowedTo(s: Scenario, agentId: string): Promise<SseClient & { text?: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const stream = await s.live('admin', `agentId=${agentId}`);
    if (stream.status !== 404 || attempt >= 50) return stream;
    stream.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withPeople(s: Scenario): Promise<void> {
  await s.world.agent(AGENT_A);
  await s.world.agent(AGENT_B);
  await s.world.customer('cust-a1', AGENT_A);
  await s.world.customer('cust-b1', AGENT_B);
}

it('pushes a deposit within a second, to admin and its agent only', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const admin = await s.live('admin');
  const agentA = await s.live('agentA');
  const agentB = await s.live('agentB');
  expect(admin.status).toBe(200);
  expect(admin.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(admin.headers.get('cache-control')).toBe('no-cache, no-transform');

  const publishedAtMs = Date.now();
  const deposit = await s.world.agentDeposit(AGENT_A, '125.5', '125.5');
  const seenByA = await agentA.next(byEvent(deposit.eventId), 5_000, 'the deposit on agent A');
  const seenByAdmin = await admin.next(byEvent(deposit.eventId), 5_000, 'the deposit on admin');
  expect(seenByA.receivedAtMs - publishedAtMs).toBeLessThan(1_000);
  expect(seenByAdmin.receivedAtMs - publishedAtMs).toBeLessThan(1_000);
  expect(seenByA.event).toBe('deposit');
  expect(seenByA.json).toEqual({
    depositId: expect.any(String),
    accountKind: 'agent-main',
    agentId: AGENT_A,
    customerId: null,
    amount: '125.5',
    commission: '0',
    source: 'manual',
    balance: '125.5',
    occurredAt: deposit.occurredAt,
    position: expect.any(Number),
  });

  // B's own event arrives after A's (same topic, in order): by then A's would have arrived too
  const bDeposit = await s.world.agentDeposit(AGENT_B, '7', '7');
  await agentB.next(byEvent(bDeposit.eventId), 5_000, "B's own deposit");
  await admin.next(byEvent(bDeposit.eventId), 5_000, "B's deposit on admin");
  expect(agentB.messages.map((m) => m.id)).not.toContain(deposit.eventId);
  expect(agentA.messages.map((m) => m.id)).not.toContain(bDeposit.eventId);
});

it('pushes balance changes, rated calls and low-balance crossings, scoped to the agent', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const agentA = await s.live('agentA');
  const agentB = await s.live('agentB');
  const admin = await adminNarrowedTo(s, AGENT_B); // admin may narrow to one agent
  expect(admin.status).toBe(200);

  const transfer = await s.world.transfer(AGENT_A, 'cust-a1', '30', { agentAfter: '70', customerAfter: '30' }, { amount: '3', balanceAfter: '3' });
  const call = await s.world.ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 65, billedSeconds: 120, cost: '0.25', destinationName: 'Spain' }, '29.75');
  const crossing = await s.world.lowBalance('cust-a1', AGENT_A, '4.75');
  const bCall = await s.world.ratedCall({ customerId: 'cust-b1', agentId: AGENT_B, billsec: 10, cost: '0.01' }, '9.99');

  expect((await agentA.next(byEvent(transfer.eventId))).json).toMatchObject({ transferId: expect.any(String), amount: '30', agentBalance: '70', customerId: 'cust-a1' });
  await agentA.next((m) => m.event === 'balance' && m.json.cause === 'transfer-in', 5_000, 'the customer leg of the transfer');
  await agentA.next((m) => m.event === 'commission' && m.json.kind === 'accrued' && m.json.balance === '3', 5_000, 'the commission');
  const rated = await agentA.next(byEvent(call.eventId), 5_000, 'the rated call');
  expect(rated.event).toBe('call');
  expect(rated.json).toMatchObject({ customerId: 'cust-a1', destinationName: 'Spain', billsec: 65, billedSeconds: 120, cost: '0.25', reRated: false });
  const charge = await agentA.next((m) => m.event === 'balance' && m.json.cause === 'call', 5_000, 'the charge');
  expect(charge.json).toMatchObject({ change: '-0.25', balance: '29.75', causeId: rated.json.callId });
  expect((await agentA.next(byEvent(crossing.eventId))).json).toMatchObject({ accountKind: 'customer', customerId: 'cust-a1', balance: '4.75', threshold: '5' });

  await agentB.next(byEvent(bCall.eventId), 5_000, "B's call");
  await admin.next(byEvent(bCall.eventId), 5_000, "B's call on the admin stream narrowed to B");
  expect(agentB.messages.every((m) => m.json.agentId === AGENT_B)).toBe(true);
  expect(admin.messages.every((m) => m.json.agentId === AGENT_B)).toBe(true);
});

/** A login for `customerId` (the scenario's `customer` is cust-a1's) → its bearer token. */
async function customerLogin(s: Scenario, customerId: string): Promise<string> {
  const username = `${customerId}-login`;
  await s.gateway.app.get(CredentialsService).createLogin({ username, password: 'a-long-enough-test-password', role: 'customer', subjectId: customerId });
  return s.gateway.login(username, 'a-long-enough-test-password');
}

/** withPeople, and cust-a2: the same agent's other customer (cust-a1's sibling). */
async function withSibling(s: Scenario): Promise<void> {
  await withPeople(s);
  await s.world.customer('cust-a2', AGENT_A);
}

/** The streams of ITC, both agents, cust-a1 (`mine`, the scenario's customer) and its sibling cust-a2. */
async function everyonesStreams(s: Scenario) {
  const admin = await s.live('admin');
  const agentA = await s.live('agentA');
  const agentB = await s.live('agentB');
  const mine = await s.live('customer');
  const sibling = await s.live('customer', '', { authorization: `Bearer ${await customerLogin(s, 'cust-a2')}` });
  expect(sibling.status).toBe(200);
  return { admin, agentA, agentB, mine, sibling };
}

it("pushes a customer's approved CallerIDs and its unanswered calls to it, its agent and ITC — never to another customer or agent", async () => {
  scenario = await openScenario();
  const s = scenario;
  await withSibling(s);
  const { admin, agentA, agentB, mine, sibling } = await everyonesStreams(s);

  // another agent's customer first (each topic delivers in order, so by the time cust-a1's arrive these would have)
  const othersIds = await s.world.callerIdsChanged('cust-b1', ['+34912345678'], `agent:${AGENT_B}`);
  const othersCall = await s.world.unansweredCall('cust-b1', AGENT_B);
  // an agent approves cust-a1's number: accounts publishes the approved list
  const approved = await s.world.callerIdsChanged('cust-a1', ['+442079460958']);
  const unanswered = await s.world.unansweredCall('cust-a1', AGENT_A);

  for (const stream of [mine, agentA, admin]) {
    const seen = await stream.next(byEvent(approved.eventId), 5_000, 'the approved CallerIDs');
    expect([seen.event, seen.json]).toEqual([
      'caller-ids',
      { customerId: 'cust-a1', agentId: AGENT_A, callerIds: ['+442079460958'], defaultCallerId: '+442079460958', occurredAt: approved.occurredAt, position: expect.any(Number) },
    ]);
    const call = await stream.next(byEvent(unanswered.eventId), 5_000, 'the unanswered call');
    expect([call.event, call.json]).toEqual([
      'call-unanswered',
      { callId: expect.any(String), customerId: 'cust-a1', agentId: AGENT_A, destination: '442079460958', startedAt: expect.any(String), disposition: 'no_answer', occurredAt: unanswered.occurredAt, position: expect.any(Number) },
    ]);
  }
  await agentB.next(byEvent(othersCall.eventId), 5_000, "B's customer's unanswered call on B");
  await agentB.next(byEvent(othersIds.eventId), 5_000, "B's customer's CallerIDs on B");
  const ids = (stream: SseClient) => stream.messages.map((m) => m.id).sort();
  expect(ids(agentB)).toEqual([othersIds.eventId, othersCall.eventId].sort());
  expect(admin.messages.map((m) => m.id)).toEqual(expect.arrayContaining([othersIds.eventId, othersCall.eventId]));
  for (const stream of [mine, agentA]) expect(ids(stream)).toEqual([approved.eventId, unanswered.eventId].sort());
  // the sibling saw nothing of cust-a1's (a later event of its own proves its stream was live)
  const siblingOwn = await s.world.callerIdsChanged('cust-a2', []);
  await sibling.next(byEvent(siblingOwn.eventId), 5_000, "the sibling's own CallerIDs");
  expect(ids(sibling)).toEqual([siblingOwn.eventId]);
});

// a refusal reached the customer's open CallerID page only after a reload (accounts published nothing for it)
it("pushes a customer's CallerID request and its refusal as `caller-ids` to it, its agent and ITC — never to another customer or agent", async () => {
  scenario = await openScenario();
  const s = scenario;
  await withSibling(s);
  const { admin, agentA, agentB, mine, sibling } = await everyonesStreams(s);

  // the customer asks for a number, its agent refuses it
  const requested = await s.world.callerIdRequestsChanged('cust-a1', '+442079460958', 'requested', ['+442079460958'], 'customer:cust-a1');
  const refused = await s.world.callerIdRequestsChanged('cust-a1', '+442079460958', 'refused', [], `agent:${AGENT_A}`);
  for (const stream of [mine, agentA, admin]) {
    const asked = await stream.next(byEvent(requested.eventId), 5_000, 'the request');
    expect([asked.event, asked.json]).toEqual([
      'caller-ids',
      { customerId: 'cust-a1', agentId: AGENT_A, callerId: '+442079460958', change: 'requested', pendingCallerIds: ['+442079460958'], occurredAt: requested.occurredAt, position: expect.any(Number) },
    ]);
    const seen = await stream.next(byEvent(refused.eventId), 5_000, 'the refusal');
    expect([seen.event, seen.json]).toEqual([
      'caller-ids',
      { customerId: 'cust-a1', agentId: AGENT_A, callerId: '+442079460958', change: 'refused', pendingCallerIds: [], occurredAt: refused.occurredAt, position: expect.any(Number) },
    ]);
  }
  // neither another agent nor the same agent's other customer saw them (a later event of their own proves their streams were live)
  const othersOwn = await s.world.callerIdRequestsChanged('cust-b1', '+34912345678', 'requested', ['+34912345678'], 'customer:cust-b1');
  await agentB.next(byEvent(othersOwn.eventId), 5_000, "B's customer's request on B");
  expect(agentB.messages.map((m) => m.id)).toEqual([othersOwn.eventId]);
  const siblingOwn = await s.world.callerIdRequestsChanged('cust-a2', '+34912345678', 'requested', ['+34912345678'], 'customer:cust-a2');
  await sibling.next(byEvent(siblingOwn.eventId), 5_000, "the sibling's own request");
  expect(sibling.messages.map((m) => m.id)).toEqual([siblingOwn.eventId]);
});

it('pushes the calls in progress (a hold placed, released or ended by its charge) to admin, its agent and the customer', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const admin = await s.live('admin');
  const agentA = await s.live('agentA');
  const agentB = await s.live('agentB');
  const customer = await s.live('customer');

  const other = await s.world.holdPlaced('cust-b1', AGENT_B, 'call-b');
  const placed = await s.world.holdPlaced('cust-a1', AGENT_A, 'call-a', '2.5');
  const released = await s.world.holdReleased('cust-a1', AGENT_A, 'call-a', '2.5');
  for (const stream of [agentA, customer]) {
    expect((await stream.next(byEvent(placed.eventId), 5_000, 'the hold placed')).json).toEqual({
      state: 'placed',
      customerId: 'cust-a1',
      agentId: AGENT_A,
      callId: 'call-a',
      held: '2.5',
      expiresAt: expect.any(String),
      occurredAt: placed.occurredAt,
      position: expect.any(Number),
    });
    const ended = await stream.next(byEvent(released.eventId), 5_000, 'the hold released');
    expect([ended.event, ended.json.state, ended.json.callId]).toEqual(['hold', 'released', 'call-a']);
  }
  await agentB.next(byEvent(other.eventId), 5_000, "B's own call");
  await admin.next(byEvent(released.eventId), 5_000, 'everything on the admin stream');
  expect(admin.messages.map((m) => m.id)).toEqual(expect.arrayContaining([other.eventId, placed.eventId, released.eventId]));
  expect(agentA.messages.map((m) => m.id)).not.toContain(other.eventId);
  expect(customer.messages.map((m) => m.id)).not.toContain(other.eventId);
  expect(agentB.messages.map((m) => m.id)).not.toContain(placed.eventId);
});

it('resumes after Last-Event-ID with what the client missed, in order and in scope', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const first = await s.live('agentA');
  const one = await s.world.agentDeposit(AGENT_A, '1', '1');
  await first.next(byEvent(one.eventId));
  first.close();

  const two = await s.world.agentDeposit(AGENT_A, '2', '3');
  const other = await s.world.agentDeposit(AGENT_B, '9', '9');
  const three = await s.world.agentDeposit(AGENT_A, '3', '6');
  // wait until the feed has them (an admin stream sees everything)
  const watcher = await s.live('admin', '', { authorization: `Bearer ${s.tokens.admin}`, 'last-event-id': one.eventId });
  await watcher.next(byEvent(three.eventId));
  expect(watcher.messages.map((m) => m.id)).toEqual([two.eventId, other.eventId, three.eventId]);

  const resumed = await s.live('agentA', '', { authorization: `Bearer ${s.tokens.agentA}`, 'last-event-id': one.eventId });
  await resumed.next(byEvent(three.eventId));
  expect(resumed.messages.map((m) => m.id)).toEqual([two.eventId, three.eventId]);
  // …and then live
  const four = await s.world.agentDeposit(AGENT_A, '4', '10');
  await resumed.next(byEvent(four.eventId));
  expect(resumed.messages.map((m) => m.json.amount)).toEqual(['2', '3', '4']);

  // the same with the query parameter (first connection of a page that kept the id)
  const viaQuery = await s.live('agentA', `lastEventId=${three.eventId}`);
  await viaQuery.next(byEvent(four.eventId));
  expect(viaQuery.messages.map((m) => m.id)).toEqual([four.eventId]);
});

it('tells the client to resync when its Last-Event-ID is no longer held', async () => {
  scenario = await openScenario({ live: { replayBufferSize: 2 } });
  const s = scenario;
  await withPeople(s);
  const admin = await s.live('admin');
  const one = await s.world.agentDeposit(AGENT_A, '1', '1');
  await s.world.agentDeposit(AGENT_A, '2', '3');
  const three = await s.world.agentDeposit(AGENT_A, '3', '6');
  await admin.next(byEvent(three.eventId));

  const late = await s.live('agentA', '', { authorization: `Bearer ${s.tokens.agentA}`, 'last-event-id': one.eventId });
  const resync = await late.next((m) => m.event === 'resync');
  expect(resync.id).toBeUndefined();
  expect(resync.json).toMatchObject({ reason: 'last-event-id-not-held', lastEventId: one.eventId });
  const unknown = await s.live('agentA', '', { authorization: `Bearer ${s.tokens.agentA}`, 'last-event-id': 'never-seen' });
  await unknown.next((m) => m.event === 'resync');
});

it('sends heartbeats and the reconnect hint', async () => {
  scenario = await openScenario({ live: { heartbeatMs: 200 } });
  const stream = await scenario.live('agentA');
  await new Promise((resolve) => setTimeout(resolve, 1_600));
  expect(stream.retryMs).toBe(3_000);
  expect(stream.comments[0]).toBe('connected');
  expect(stream.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(1);
});

/** POST /api/v1/reports/stream-tickets as `who` → the ticket (201 expected). */
async function ticketFor(s: Scenario, who: 'admin' | 'agentA' | 'agentB' | 'customer'): Promise<string> {
  const res = await s.gateway.request('POST', '/api/v1/reports/stream-tickets', { token: s.tokens[who] });
  expect(res.status).toBe(201);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.body).toEqual({ ticket: expect.stringMatching(/^st_/), expiresInSeconds: 30, expiresAt: expect.any(String), streamPath: `/api/v1/reports/live?ticket=${res.body.ticket}` });
  return res.body.ticket as string;
}

it('opens the feed with a single-use stream ticket (EventSource), once', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const admin = await s.live('admin');
  const ticket = await ticketFor(s, 'agentA');
  const viaTicket = await s.live('agentA', `ticket=${ticket}`, {});
  expect(viaTicket.status).toBe(200);
  const other = await s.world.agentDeposit(AGENT_B, '6', '6');
  const deposit = await s.world.agentDeposit(AGENT_A, '5', '5');
  await viaTicket.next(byEvent(deposit.eventId));
  await admin.next(byEvent(other.eventId));
  expect(viaTicket.messages.map((m) => m.id)).not.toContain(other.eventId); // the ticket is agent A's scope

  const again = await s.live('agentA', `ticket=${ticket}`, {});
  expect(again.status).toBe(401);
  expect(again.text).toContain('unknown, used or expired');
});

it("gives a customer (by ticket, as EventSource) its own account's events only, without its agent's figures", async () => {
  scenario = await openScenario();
  const s = scenario;
  await withSibling(s);
  const admin = await s.live('admin');
  const ticket = await ticketFor(s, 'customer'); // the login of cust-a1
  const mine = await s.live('customer', `ticket=${ticket}`, {});
  expect(mine.status).toBe(200);

  // others' first (each topic delivers in order, so by the time its own arrive these would have)
  const agentOwn = await s.world.agentDeposit(AGENT_A, '100', '100');
  const sibling = await s.world.transfer(AGENT_A, 'cust-a2', '5', { agentAfter: '95', customerAfter: '5' }, { amount: '0.5', balanceAfter: '0.5' });
  const siblingCall = await s.world.ratedCall({ customerId: 'cust-a2', agentId: AGENT_A, billsec: 5, cost: '0.02' }, '4.98');
  const otherAgentsCall = await s.world.ratedCall({ customerId: 'cust-b1', agentId: AGENT_B, billsec: 5, cost: '0.02' }, '9.98');
  const siblingLow = await s.world.lowBalance('cust-a2', AGENT_A, '4.98');
  // then its own: a transfer from its agent, an ITC deposit (its agent earns commission), a call, a low balance
  const transfer = await s.world.transfer(AGENT_A, 'cust-a1', '30', { agentAfter: '65', customerAfter: '30' }, { amount: '3', balanceAfter: '3.5' });
  const deposit = await s.world.customerDeposit('cust-a1', AGENT_A, '20', '50', { amount: '2', balanceAfter: '5.5' });
  const call = await s.world.ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 65, billedSeconds: 120, cost: '0.25', destinationName: 'Spain' }, '49.75');
  const low = await s.world.lowBalance('cust-a1', AGENT_A, '4.75');

  const seenTransfer = await mine.next(byEvent(transfer.eventId), 5_000, 'its transfer in');
  expect(seenTransfer.json).toEqual({ transferId: expect.any(String), agentId: AGENT_A, customerId: 'cust-a1', amount: '30', occurredAt: expect.any(String), position: expect.any(Number) });
  const seenDeposit = await mine.next(byEvent(deposit.eventId), 5_000, 'its deposit');
  expect(seenDeposit.json).toMatchObject({ accountKind: 'customer', customerId: 'cust-a1', amount: '20', balance: '50' });
  expect(seenDeposit.json).not.toHaveProperty('commission');
  expect((await mine.next(byEvent(call.eventId), 5_000, 'its call')).json).toMatchObject({ customerId: 'cust-a1', cost: '0.25', destinationName: 'Spain' });
  expect((await mine.next((m) => m.event === 'balance' && m.json.cause === 'call', 5_000, 'its charge')).json).toMatchObject({ change: '-0.25', balance: '49.75' });
  expect((await mine.next(byEvent(low.eventId), 5_000, 'its low balance')).json).toMatchObject({ customerId: 'cust-a1', balance: '4.75' });
  await admin.next(byEvent(low.eventId), 5_000, 'everything on the admin stream');

  const ids = mine.messages.map((m) => m.id);
  for (const other of [agentOwn, sibling, siblingCall, otherAgentsCall, siblingLow]) expect(ids).not.toContain(other.eventId);
  expect(mine.messages.every((m) => m.json.customerId === 'cust-a1')).toBe(true);
  expect(mine.messages.map((m) => m.event)).not.toContain('commission'); // its agent's money
  expect(mine.messages.map((m) => m.event).sort()).toEqual(['balance', 'balance', 'call', 'deposit', 'low-balance', 'transfer']);

  // a resume replays its own only
  const resumed = await s.live('customer', `lastEventId=${agentOwn.eventId}`);
  await resumed.next(byEvent(low.eventId), 5_000, 'the resumed stream');
  expect(resumed.messages.map((m) => m.id)).toEqual(mine.messages.map((m) => m.id));
});

it('refuses an expired ticket, a made-up one, and a race for one ticket opens one stream', async () => {
  scenario = await openScenario();
  const s = scenario;
  const expired = await ticketFor(s, 'admin');
  await s.gateway.pool.query(`UPDATE ${s.gateway.schema}.stream_tickets SET expires_at = now() - interval '1 second'`);
  expect((await s.live('admin', `ticket=${expired}`, {})).status).toBe(401);
  expect((await s.live('admin', `ticket=st_${'x'.repeat(43)}`, {})).status).toBe(401);

  const raced = await ticketFor(s, 'agentB');
  const streams = await Promise.all(Array.from({ length: 6 }, () => s.live('agentB', `ticket=${raced}`, {})));
  expect(streams.map((stream) => stream.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
});

it('no longer takes the bearer token in the URL; the Authorization header still works', async () => {
  scenario = await openScenario();
  const s = scenario;
  const viaUrl = await s.live('agentA', `access_token=${encodeURIComponent(s.tokens.agentA)}`, {});
  expect(viaUrl.status).toBe(401);
  expect(viaUrl.headers.get('content-type')).toContain('application/problem+json');
  expect(viaUrl.text).toContain('not accepted');
  const viaHeader = await s.live('agentA');
  expect(viaHeader.status).toBe(200);
  expect((await s.live('agentA', '', {})).status).toBe(401);
  // a ticket is not a general way to authenticate: the summary refuses it
  const ticket = await ticketFor(s, 'agentA');
  expect((await s.gateway.request('GET', `/api/v1/reports/summary?ticket=${ticket}`)).status).toBe(401);
  // nobody without a token gets a ticket
  expect((await s.gateway.request('POST', '/api/v1/reports/stream-tickets')).status).toBe(401);
});

it('refuses another agent, an unknown agent filter, and a customer naming an agent', async () => {
  scenario = await openScenario();
  const s = scenario;
  await withPeople(s);
  const customerNamingItsAgent = await s.live('customer', `agentId=${AGENT_A}`);
  expect(customerNamingItsAgent.status).toBe(404);
  const other = await s.live('agentA', `agentId=${AGENT_B}`);
  expect(other.status).toBe(404);
  expect(other.text).toContain('not_found');
  expect((await s.live('admin', 'agentId=agent-nobody')).status).toBe(404);
  expect((await s.live('admin', 'since=now')).status).toBe(400);
});

it('closes the streams when the application shuts down', async () => {
  scenario = await openScenario();
  const s = scenario;
  const streams = [await s.live('admin'), await s.live('agentA')];
  const startedMs = Date.now();
  await s.gateway.app.close();
  const outcomes = await Promise.all(streams.map((stream) => stream.ended));
  expect(outcomes).toEqual(['ended', 'ended']);
  expect(Date.now() - startedMs).toBeLessThan(3_000);
});
