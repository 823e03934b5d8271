// The seed scenario of issue 7, end to end on the distributed topology (five processes, a real
// Kafka broker between them, a real SMTP server, the real `stripe` library): every step through
// the public API of the gateway, as ITC, the agent, the customer, the softswitch and Stripe.
import { formatMoney, parseMoney, sumMicros } from '@billing/money';
import { SseClient } from '@billing/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_PASSWORD, DistributedWorld, SWITCH_API_KEY, type HttpAnswer } from './__fixtures__/distributed-world.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('the seed scenario on the distributed topology', () => {
  let world: DistributedWorld;
  let live: SseClient | undefined;

  beforeAll(async () => {
    world = await DistributedWorld.start();
  }, 240_000);

  afterAll(async () => {
    live?.close();
    await world?.close();
  }, 120_000);

  it('agent, card deposit, batch, transfer, commission, calls, low-balance mail, top-up, reports, live feed, audit', async () => {
    const admin = await world.login('admin', ADMIN_PASSWORD);
    const as = (token: string) => ({
      get: (p: string) => world.expect(200, 'GET', p, { token }),
      post: (status: number, p: string, body: unknown, key?: string) => world.expect(status, 'POST', p, { token, body, ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }) }),
    });

    // ── ITC: a base sheet and the agent's derived +20 % sheet; the agent with 10 % commission
    await as(admin).post(201, '/api/v1/rate-sheets', {
      sheetId: 'itc-base',
      name: 'ITC base',
      effectiveFrom: '2020-01-01T00:00:00Z',
      rows: [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }],
    });
    const derived = await as(admin).post(201, '/api/v1/rate-sheets/itc-base/derived', { sheetId: 'acme-plus-20', name: 'Acme (+20 %)', markupPercent: '20' });
    expect(derived.body).toMatchObject({ kind: 'derived', baseSheetId: 'itc-base', markupPercent: '20' });
    const agent = await as(admin).post(201, '/api/v1/agents', {
      name: 'Acme Telecom',
      contactEmail: 'ops@acme.example',
      commissionPercent: '10',
      rateSheetId: 'acme-plus-20',
      username: 'acme',
      password: 'acme-portal-password-1',
    });
    const agentId = agent.body.id as string;
    // the derived sheet just created counted (accounts asked rating, RATING_URL); a typo does not
    const typo = await world.request('PATCH', `/api/v1/agents/${agentId}`, { token: admin, body: { rateSheetId: 'acme-plus-02' } });
    expect({ status: typo.status, code: typo.body.code }).toEqual({ status: 422, code: 'rate_sheet_not_found' });
    const agentToken = await world.login('acme', 'acme-portal-password-1');
    // the browser's way (EventSource sends no header): a single-use ticket, never the token, in the URL
    const ticket = await as(agentToken).post(201, '/api/v1/reports/stream-tickets', undefined);
    live = await SseClient.connect(`${world.baseUrl}${ticket.body.streamPath as string}`);
    expect(live.status).toBe(200);

    // ── the agent deposits 100 by card; Stripe delivers the webhook twice
    const card = await as(agentToken).post(201, '/api/v1/payments/card-deposits', { amount: '100' }, 'agent-card-1');
    expect(card.body.clientSecret).toEqual(expect.any(String));
    const webhook = await world.payCardDeposit(card.body.clientSecret, 'evt_agent_card_1');
    expect(webhook.status).toBe(200);
    expect((await world.payCardDeposit(card.body.clientSecret, 'evt_agent_card_1')).status).toBe(200);
    // every read after a 2xx shows it (read-your-writes): no waiting, no polling, from here on
    expect((await as(agentToken).get(`/api/v1/agents/${agentId}/overview`)).body.balance).toBe('100');

    // ── ITC opens a batch of 10 prepaid customers for the agent
    const profile = await as(admin).post(201, '/api/v1/customer-profiles', { name: 'Prepaid 5', billingType: 'prepaid', lowBalanceThreshold: '5', maxConcurrentCalls: 2 });
    const batch = await as(admin).post(201, '/api/v1/customers/batch', { profileId: profile.body.id, agentId, count: 10 });
    expect(batch.body.customers).toHaveLength(10);
    const carol = batch.body.customers[0] as { customerId: string; accountNumber: string; portalUsername: string; portalPassword: string };
    expect((await as(agentToken).get('/api/v1/customers')).body.items).toHaveLength(10);
    const carolToken = await world.login(carol.portalUsername, carol.portalPassword);
    await world.expect(200, 'PATCH', `/api/v1/customers/${carol.customerId}/settings`, { token: carolToken, body: { contactEmail: 'carol@example.com' } });

    // the wallet knows Carol at once: a customer accounts answered 201 for is never a 404 in another service
    expect((await as(carolToken).get(`/api/v1/customers/${carol.customerId}/balance`)).body.balance).toBe('0');

    // ── the agent moves 20 to Carol (the same Idempotency-Key twice moves it once); 10 % commission accrues
    const transfer = await as(agentToken).post(201, `/api/v1/customers/${carol.customerId}/deposits`, { amount: '20' }, 'transfer-carol-1');
    const again = await world.request('POST', `/api/v1/customers/${carol.customerId}/deposits`, { token: agentToken, body: { amount: '20' }, headers: { 'Idempotency-Key': 'transfer-carol-1' } });
    // the replay is the first answer, marked as the repeat it is (as Idempotent-Replayed says)
    expect(again.body).toEqual({ ...transfer.body, repeated: true });
    expect((await as(agentToken).get(`/api/v1/agents/${agentId}/overview`)).body).toMatchObject({ balance: '80', commissionBalance: '2' });

    // ── the agent moves its commission to main
    await as(agentToken).post(201, `/api/v1/agents/${agentId}/commission-transfers`, {}, 'commission-1');
    expect((await as(agentToken).get(`/api/v1/agents/${agentId}/overview`)).body.balance).toBe('82');

    // ── an agent opening a customer whose initial balance it cannot fund (100 > 82) gets 409 and
    // nothing is opened: accounts asks the wallet process first (WALLET_URL)
    const rich = await as(agentToken).post(201, '/api/v1/customer-profiles', { name: 'Starts at 100', billingType: 'prepaid', initialBalance: '100' });
    const refused = await world.request('POST', '/api/v1/customers', { token: agentToken, body: { profileId: rich.body.id }, headers: { 'Idempotency-Key': 'open-rich-1' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'insufficient_funds' });
    expect((await world.request('GET', '/api/v1/customers', { token: agentToken })).body.items).toHaveLength(10);

    // ── Carol's calls: authorized, then their CDRs rated on the derived sheet (0.12/min in 60 s blocks) and charged
    const authorized = await world.switch('POST', '/api/v1/switch/authorize', { callId: 'e2e-call-1', account: carol.accountNumber, callerId: '', destination: '+44 20 7946 0958' });
    expect(authorized.body).toMatchObject({ allowed: true, ratePerMinute: '0.12' });
    const now = Date.now();
    const cdr = (callId: string, billsec: number, startedAgoMs: number) => ({
      callId,
      account: carol.accountNumber,
      callerId: '',
      destination: '442079460958',
      startedAt: new Date(now - startedAgoMs).toISOString(),
      answeredAt: new Date(now - startedAgoMs + 2_000).toISOString(),
      endedAt: new Date(now - startedAgoMs + 2_000 + billsec * 1000).toISOString(),
      billsec,
      disposition: 'answered',
    });
    const first = await world.switch('POST', '/api/v1/switch/cdrs', cdr('e2e-call-1', 7_200, 3 * 3_600_000));
    expect(first.status).toBe(200);
    // the CDR's answer came once the wallet had charged it (rating → wallet, as for holds): read at once
    expect((await as(carolToken).get(`/api/v1/customers/${carol.customerId}/balance`)).body).toMatchObject({ balance: '5.6', held: '0' }); // 120 min × 0.12
    expect(lowBalanceMails()).toHaveLength(0);
    // two more calls, the batch sent twice: charged once each; the balance crosses 5 once
    const more = { cdrs: [cdr('e2e-call-2', 600, 3_600_000), cdr('e2e-call-3', 31, 1_800_000)] };
    const rated = await world.switch('POST', '/api/v1/switch/cdrs', more);
    expect(rated.body.results.map((r: { cost: string }) => r.cost)).toEqual(['1.2', '0.12']);
    expect((await world.switch('POST', '/api/v1/switch/cdrs', more)).status).toBe(200);
    expect((await as(carolToken).get(`/api/v1/customers/${carol.customerId}/balance`)).body.balance).toBe('4.28');
    const history = await as(carolToken).get(`/api/v1/customers/${carol.customerId}/calls`);
    expect(history.body.items.map((c: { callId: string }) => c.callId).sort()).toEqual(['e2e-call-1', 'e2e-call-2', 'e2e-call-3']);

    // ── exactly one low-balance e-mail reaches Carol: an SMTP delivery, asynchronous by nature —
    // awaited as the server receives messages (each wait ends on a new message, no polling)
    while (lowBalanceMails().length === 0) await world.smtp.waitForMessages(world.smtp.messages.length + 1, 30_000);
    const [mail] = lowBalanceMails();
    // the balance at the crossing: 4.40 if call 2 was charged before call 3, else 4.28 (the charges
    // of one batch go to the wallet as separate events and may be applied in either order)
    expect(mail!.text).toMatch(/is 4\.(40|28) USD, below your low-balance threshold of 5\.00 USD/);
    expect(mail!.text).toContain('https://portal.itc.example');

    // ── Carol tops up 10 by card: her balance and the agent's commission grow
    const topUp = await as(carolToken).post(201, '/api/v1/payments/card-deposits', { amount: '10' }, 'carol-card-1');
    expect((await world.payCardDeposit(topUp.body.clientSecret)).status).toBe(200);
    expect((await as(carolToken).get(`/api/v1/customers/${carol.customerId}/balance`)).body.balance).toBe('14.28');
    expect((await as(agentToken).get(`/api/v1/agents/${agentId}/overview`)).body.commissionBalance).toBe('1');

    // ── reports: ITC and the agent see all of it
    const range = `from=${day(-1)}&to=${day(1)}`;
    // read at once too: each command's answer came once the gateway's reports consumer had its events
    expect((await summary(admin, range)).totals.calls.rated).toBe(3);
    const report = await summary(agentToken, range);
    expect(report.totals).toMatchObject({
      transfers: { count: 1, amount: '20' },
      commissions: { accrued: { amount: '3' }, moved: { count: 1, amount: '2' } },
      calls: { rated: 3, answered: 3, revenue: '15.72' },
      lowBalanceCrossings: 1,
    });
    expect(report.totals.deposits.bySource.card).toEqual({ count: 2, amount: '110' });
    const events = new Set(live.messages.map((message) => message.event));
    for (const name of ['deposit', 'transfer', 'commission', 'balance', 'call', 'low-balance']) expect(events).toContain(name);

    // ── the audit replays the wallet and finds the books balanced
    const audit = await promisify(execFile)(process.execPath, ['tools/run-ts.mjs', 'tools/audit.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: world.databaseUrl, NODE_OPTIONS: '' } });
    expect(audit.stdout).toMatch(/OK in/);
    // a quiet moment later there is still one e-mail for the one crossing
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(lowBalanceMails()).toHaveLength(1);

    function lowBalanceMails() {
      return world.smtp.messages.filter((message) => message.to.includes('carol@example.com') && /balance/i.test(message.subject ?? ''));
    }
    async function summary(token: string, query: string): Promise<HttpAnswer['body']> {
      return (await world.expect(200, 'GET', `/api/v1/reports/summary?${query}`, { token })).body;
    }
  }, 300_000);

  it('an IPBX customer: three SIP users and a trunk address on one balance; a call abroad refused for want of the feature', async () => {
    const admin = await world.login('admin', ADMIN_PASSWORD);
    const as = (token: string) => ({
      get: (p: string) => world.expect(200, 'GET', p, { token }),
      post: (status: number, p: string, body: unknown, key?: string) => world.expect(status, 'POST', p, { token, body, ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }) }),
    });

    // ── ITC: a sheet with a home (Portugal) and a foreign (UK) row, a profile giving 3 SIP users per account
    await as(admin).post(201, '/api/v1/rate-sheets', {
      sheetId: 'ipbx-base',
      name: 'IPBX base',
      effectiveFrom: '2020-01-01T00:00:00Z',
      rows: [
        { prefix: '351', destination: 'Portugal', intervals: [{ startSecond: 0, ratePerMinute: '0.06', incrementSeconds: 60 }] },
        { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
      ],
    });
    const profile = await as(admin).post(201, '/api/v1/customer-profiles', { name: 'IPBX', billingType: 'prepaid', rateSheetId: 'ipbx-base', maxConcurrentCalls: 5 });
    const perAccount = await world.expect(200, 'PUT', `/api/v1/customer-profiles/${profile.body.id}/sip-users`, { token: admin, body: { sipUsersPerAccount: 3 } });
    expect(perAccount.body).toEqual({ profileId: profile.body.id, sipUsersPerAccount: 3 });

    // ── ITC opens the IPBX customer (ITC-direct): its own SIP user and two more, their passwords once
    const opened = await as(admin).post(201, '/api/v1/customers', { profileId: profile.body.id }, 'open-ipbx-1');
    const pbx = opened.body.customer as { id: string; accountNumber: string };
    const { sipUsername: first, furtherSipUsers } = opened.body.credentials as { sipUsername: string; furtherSipUsers: { sipUsername: string; sipPassword: string }[] };
    expect(furtherSipUsers).toHaveLength(2);
    const second = furtherSipUsers[0]!.sipUsername;
    const users = (await as(admin).get(`/api/v1/customers/${pbx.id}/sip-users`)).body.items as { sipUsername: string }[];
    expect(users.map((user) => user.sipUsername)).toEqual([first, ...furtherSipUsers.map((user) => user.sipUsername)]);

    // ── funded by a manual deposit: its one balance (each authorization holds the longest call, 3 h × 0.06 = 10.8)
    const funding = '50';
    await as(admin).post(201, `/api/v1/customers/${pbx.id}/deposits`, { amount: funding, reference: 'wire ipbx-1' }, 'fund-ipbx-1');
    expect((await as(admin).get(`/api/v1/customers/${pbx.id}/balance`)).body).toMatchObject({ balance: funding, held: '0' });

    // ── ITC takes international calls away (home: Portugal) and registers the PBX's address with tech prefix 77
    const features = await world.expect(200, 'PATCH', `/api/v1/customers/${pbx.id}/features`, { token: admin, body: { internationalCalls: false, homeCountryCode: '351' } });
    expect(features.body.features).toMatchObject({ internationalCalls: false, homeCountryCode: '351' });
    const trunk = await as(admin).post(201, `/api/v1/customers/${pbx.id}/trunk-addresses`, { address: '198.51.100.0/28', techPrefix: '77' });
    expect(trunk.body).toMatchObject({ customerId: pbx.id, network: '198.51.100.0/28', techPrefix: '77' });

    // ── the softswitch: a call from the trunk (no account, no SIP user: its source address and prefix name it).
    // The address's 201 (like the feature change's 200) came once rating had applied it: the next call is judged with it
    const trunkCallId = 'ipbx-trunk-1';
    const fromTrunk = await world.switch('POST', '/api/v1/switch/authorize', { callId: trunkCallId, sourceIp: '198.51.100.9', callerId: '', destination: '77351213000003' });
    expect(fromTrunk.body).toMatchObject({ allowed: true, ratePerMinute: '0.06' });

    // a call abroad is refused, naming the missing feature, and holds nothing; a home call is allowed
    const abroad = await world.switch('POST', '/api/v1/switch/authorize', { callId: 'ipbx-abroad', sipUsername: first, callerId: '', destination: '+44 20 7946 0958' });
    expect(abroad.body).toMatchObject({ allowed: false, reason: 'feature_international_calls_not_assigned', feature: 'internationalCalls', maxDurationSeconds: 0, granted: '0' });
    for (const [callId, sipUsername] of [['ipbx-user-1', first], ['ipbx-user-2', second]] as const) {
      const home = await world.switch('POST', '/api/v1/switch/authorize', { callId, sipUsername, callerId: '', destination: '+351 21 300 0001' });
      expect(home.body).toMatchObject({ allowed: true, reason: null, ratePerMinute: '0.06' });
    }

    // ── their CDRs: rated on the sheet (0.06/min in 60 s blocks); the trunk's prefix stripped before rating
    const now = Date.now();
    const cdr = (callId: string, caller: { sipUsername: string } | { sourceIp: string }, destination: string, billsec: number) => ({
      callId,
      ...caller,
      callerId: '',
      destination,
      startedAt: new Date(now - 600_000).toISOString(),
      answeredAt: new Date(now - 598_000).toISOString(),
      endedAt: new Date(now - 598_000 + billsec * 1000).toISOString(),
      billsec,
      disposition: 'answered',
    });
    const charged = await world.switch('POST', '/api/v1/switch/cdrs', {
      cdrs: [
        cdr('ipbx-user-1', { sipUsername: first }, '+351213000001', 120),
        cdr('ipbx-user-2', { sipUsername: second }, '+351213000001', 300),
        cdr(trunkCallId, { sourceIp: '198.51.100.9' }, '77351213000003', 150),
      ],
    });
    const costs = (charged.body.results as { status: string; cost: string }[]).map((r) => ({ status: r.status, cost: r.cost }));
    expect(costs).toEqual([
      { status: 'rated', cost: '0.12' },
      { status: 'rated', cost: '0.3' },
      { status: 'rated', cost: '0.18' },
    ]);
    const expected = formatMoney(parseMoney(funding) - sumMicros(costs.map((c) => parseMoney(c.cost))));
    // the CDRs' answer came once the wallet had charged them: all three on the one balance at once,
    // every hold settled — the refused call abroad left none behind
    expect((await as(admin).get(`/api/v1/customers/${pbx.id}/balance`)).body).toMatchObject({ balance: expected, held: '0' });
    expect(expected).toBe('49.4');

    // ── the call history by SIP user and the summary grouped by it (rating's own store: read-your-writes)
    const ofSecond = (await as(admin).get(`/api/v1/customers/${pbx.id}/calls?sipUsername=${second}`)).body.items as { callId: string }[];
    expect(ofSecond).toEqual([expect.objectContaining({ callId: 'ipbx-user-2', sipUsername: second, cost: '0.3', status: 'rated' })]);
    const all = (await as(admin).get(`/api/v1/customers/${pbx.id}/calls`)).body.items as { callId: string }[];
    expect(all.find((call) => call.callId === trunkCallId)).toMatchObject({ sipUsername: null, sourceIp: '198.51.100.9', techPrefix: '77', destination: '351213000003', cost: '0.18' });
    expect(all.map((call) => call.callId).sort()).toEqual(['ipbx-user-1', 'ipbx-user-2', trunkCallId].sort());
    const summary = (await as(admin).get(`/api/v1/customers/${pbx.id}/calls/summary?groupBy=sipUsername`)).body;
    expect(summary).toMatchObject({ attempts: 3, answered: 3, revenue: '0.6' });
    // each user's share, busiest by revenue first; the trunk's call named no SIP user (null)
    expect(summary.bySipUsername).toEqual([
      { sipUsername: second, attempts: 1, answered: 1, billedSeconds: 300, revenue: '0.3' },
      { sipUsername: null, attempts: 1, answered: 1, billedSeconds: 180, revenue: '0.18' },
      { sipUsername: first, attempts: 1, answered: 1, billedSeconds: 120, revenue: '0.12' },
    ]);
  }, 180_000);

  // security review: the switch key could charge any customer through POST /internal/wallet/holds/charges
  it('the internal routes: not forwarded by the gateway (404); on the services themselves only the internal service key opens them', async () => {
    const charges = { charges: [{ customerId: 'nobody', callId: 'internal-probe', cost: '1' }] };
    const post = (base: string, urlPath: string, token: string | undefined, body: unknown) =>
      fetch(`${base}${urlPath}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
    for (const urlPath of ['/api/v1/internal/wallet/holds/charges', '/api/v1/internal/wallet/holds', '/api/v1/internal/rating/accounts-catch-up']) {
      expect({ urlPath, status: (await world.switch('POST', urlPath, charges)).status }).toEqual({ urlPath, status: 404 });
    }
    expect((await world.request('GET', '/api/v1/internal/accounts/history?agentId=x', { token: SWITCH_API_KEY })).status).toBe(404);
    const wallet = world.topology.url('wallet');
    expect((await post(wallet, '/api/v1/internal/wallet/holds/charges', SWITCH_API_KEY, charges)).status).toBe(403);
    expect((await post(wallet, '/api/v1/internal/wallet/holds/charges', undefined, charges)).status).toBe(401);
    const served = await post(wallet, '/api/v1/internal/wallet/holds/charges', world.topology.internalServiceKey, charges);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { results: { charged: boolean }[] }).results).toEqual([expect.objectContaining({ charged: false })]);
  }, 60_000);
});
