// The agent's cost of a rated call, recorded at rating time (for the agent's margin per customer):
// the price of the same talk time on the sheet ITC assigned to the agent, in force at the call's
// start — next to the customer's price on the sheet the agent gave it (a +25 % derivation). Not
// known (null) for an ITC-direct customer, a number the agent's sheet does not price, or an agent
// changed after the call started (rating keeps only its current sheet); carried on rating.CallRated.
// An agent's registration is no change: calls that started before it are priced at its one sheet.
import { toIntegrationEvent } from '@billing/rating-domain';
import { RatingTestApp, waitFor } from './__fixtures__/rating-test-app.js';

const uk = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };
const usa = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 1 }] };

describe("the agent's cost of a call", () => {
  let app: RatingTestApp;
  let agentsCustomer: string;
  let directCustomer: string;
  /** after the agents were registered: their calls start later (a call of an agent changed since is not priced for it). */
  let start: number;

  const cdr = (callId: string, account: string, destination: string, billsec: number, startOffsetSeconds = 0) => {
    const at = (seconds: number) => new Date(start + (startOffsetSeconds + seconds) * 1000).toISOString();
    return { callId, account, callerId: '+442071234567', destination, startedAt: at(0), answeredAt: at(1), endedAt: at(1 + billsec), billsec, disposition: 'ANSWERED' };
  };
  const ratedEvent = async (callId: string) => {
    const events = await app.db.store.readStream(`call-${callId}`);
    return events.find((event) => event.type === 'CallRated')!;
  };

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'base', name: 'ITC base', effectiveFrom: '2020-01-01T00:00:00Z', rows: [uk, usa] })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'uk-only', name: 'UK only', effectiveFrom: '2020-01-01T00:00:00Z', rows: [uk] })).status).toBe(201);
    // the agent buys at base +20 % and sells to its customer at that +25 %
    expect((await app.admin('POST', '/api/v1/rate-sheets/base/derived', { sheetId: 'agent-buys', name: 'Agent (+20 %)', markupPercent: '20' })).status).toBe(201);
    await app.openAgent('ag-c', 'agent-buys');
    await app.openAgent('ag-uk', 'uk-only');
    const agentToken = await app.token('agent', 'ag-c');
    expect((await app.request('POST', '/api/v1/rate-sheets/agent-buys/derived', { token: agentToken, body: { sheetId: 'agent-sells', name: 'Retail', markupPercent: '25' } })).status).toBe(201);
    start = Date.now() + 1_000;
    agentsCustomer = (await app.openCustomer('cust-of-agent', { agentId: 'ag-c', rateSheetId: 'agent-sells', initialBalance: '50' })).accountNumber;
    directCustomer = (await app.openCustomer('cust-direct', { agentId: null, rateSheetId: 'base', initialBalance: '50' })).accountNumber;
    await app.openCustomer('cust-uk-agent', { agentId: 'ag-uk', rateSheetId: 'base', initialBalance: '50' });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it("records what the call costs the agent at its assigned sheet beside the customer's price, and publishes it", async () => {
    const answer = await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-1', agentsCustomer, '+447700900123', 90));
    expect(answer.body).toMatchObject({ status: 'rated', cost: '0.3' }); // 2 min at 0.10 × 1.2 × 1.25 = 0.15/min
    const event = await ratedEvent('ac-1');
    expect(event.data).toMatchObject({ costMicros: 300_000n, agentCostMicros: 240_000n }); // 2 min at 0.12/min
    const integration = toIntegrationEvent(event.data as Parameters<typeof toIntegrationEvent>[0]);
    expect(integration?.data).toMatchObject({ cost: '0.3', agentCost: '0.24' });
  });

  it('is null (unknown, never 0) for an ITC-direct customer and for a number the agent\'s sheet does not price', async () => {
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-2', directCustomer, '+447700900123', 30))).body.status).toBe('rated');
    expect((await ratedEvent('ac-2')).data).toMatchObject({ agentCostMicros: null });
    const ukAgentsCustomer = (await app.pool.query<{ account_number: string }>(`SELECT account_number FROM ${app.db.table('customers')} WHERE customer_id = 'cust-uk-agent'`)).rows[0]!.account_number;
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-3', ukAgentsCustomer, '+12125550100', 30))).body.status).toBe('rated');
    expect((await ratedEvent('ac-3')).data).toMatchObject({ costMicros: 300_000n, agentCostMicros: null });
    const published = toIntegrationEvent((await ratedEvent('ac-3')).data as Parameters<typeof toIntegrationEvent>[0]);
    expect(published?.data).toMatchObject({ agentCost: null });
  });

  it('is null for a call that started before the agent last changed (its sheet then is not known here)', async () => {
    const changed = (type: 'sheet' | 'status') => ({ agentId: 'ag-uk', actor: 'admin:itc', occurredAt: new Date().toISOString(), ...(type === 'sheet' ? { previousRateSheetId: 'uk-only', rateSheetId: 'base' } : { status: 'active' as const, reason: null }) });
    const agentChangedAt = async () => (await app.pool.query<{ updated_at: Date }>(`SELECT updated_at FROM ${app.db.table('agents')} WHERE agent_id = 'ag-uk'`)).rows[0]!.updated_at.getTime();
    const ukAgentsCustomer = (await app.pool.query<{ account_number: string }>(`SELECT account_number FROM ${app.db.table('customers')} WHERE customer_id = 'cust-uk-agent'`)).rows[0]!.account_number;
    const before = await agentChangedAt();
    await app.accounts.publish({ type: 'accounts.AgentRateSheetChanged', aggregateId: 'ag-uk', data: changed('sheet') as never });
    await waitFor(async () => (await agentChangedAt()) > before, 20_000, 'the agent sheet change in rating');
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-4', ukAgentsCustomer, '+447700900123', 30, -60))).body.status).toBe('rated');
    expect((await ratedEvent('ac-4')).data).toMatchObject({ costMicros: 100_000n, agentCostMicros: null });
    // a status change (the sheet did not change, but rating cannot tell that from a newer row) counts too
    const sheetChanged = await agentChangedAt();
    await app.accounts.publish({ type: 'accounts.AgentStatusChanged', aggregateId: 'ag-uk', data: changed('status') as never });
    await waitFor(async () => (await agentChangedAt()) > sheetChanged, 20_000, 'the agent status change in rating');
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-5', ukAgentsCustomer, '+447700900123', 30, -1))).body.status).toBe('rated');
    expect((await ratedEvent('ac-5')).data).toMatchObject({ agentCostMicros: null });
    // a call that started after the change: the agent's new sheet prices it (base: 1 min at 0.10)
    const after = async (seconds: number) => new Date((await agentChangedAt()) + 1_000 + seconds * 1000).toISOString();
    const later = { ...cdr('ac-6', ukAgentsCustomer, '+447700900123', 30), startedAt: await after(0), answeredAt: await after(1), endedAt: await after(31) }; // within the CDR clock skew
    expect((await app.switch('POST', '/api/v1/switch/cdrs', later)).body.status).toBe('rated');
    expect((await ratedEvent('ac-6')).data).toMatchObject({ agentCostMicros: 100_000n });
    // an agent row from before its registration instant was kept: its last update may be a change
    await app.pool.query(`UPDATE ${app.db.table('agents')} SET registered_at = NULL WHERE agent_id = 'ag-c'`);
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-7', agentsCustomer, '+447700900123', 30, -3_600))).body.status).toBe('rated');
    expect((await ratedEvent('ac-7')).data).toMatchObject({ costMicros: 150_000n, agentCostMicros: null });
  }, 60_000);
});

// A new agent's setup, as an acceptance run does it: ITC derives the agent's sheet and registers the
// agent, the agent opens its customers (a SIP-user group, an IPBX customer on a trunk address), and the
// switch posts their first CDRs at once — calls that ended a moment ago, so started before the setup.
// The agent never changed: its sheet then is the one it has, so every call has its agent cost (the
// customers' own first sheet prices them likewise).
describe("the agent's cost of a new agent's first calls", () => {
  const app = RatingTestApp.perFile();

  it('is known for the first calls by account, by a SIP user of the group and by trunk address', async () => {
    const callsStarted = Date.now() - 5 * 60_000;
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'base', name: 'ITC base', effectiveFrom: '2020-01-01T00:00:00Z', rows: [uk, usa] })).status).toBe(201);
    expect((await app.admin('POST', '/api/v1/rate-sheets/base/derived', { sheetId: 'acme-buys', name: 'Acme (+20 %)', markupPercent: '20' })).status).toBe(201);
    await app.openAgent('acme', 'acme-buys');
    const agentToken = await app.token('agent', 'acme');
    expect((await app.request('POST', '/api/v1/rate-sheets/acme-buys/derived', { token: agentToken, body: { sheetId: 'acme-sells', name: 'Retail', markupPercent: '25' } })).status).toBe(201);
    const office = await app.openCustomer('office', { agentId: 'acme', rateSheetId: 'acme-sells', initialBalance: '50' });
    await app.openCustomer('pbx', { agentId: 'acme', rateSheetId: 'acme-sells', initialBalance: '50' });
    const occurredAt = new Date().toISOString();
    await app.accounts.publish(
      { type: 'accounts.SipUserChanged', aggregateId: 'office', data: { customerId: 'office', sipUsername: 'office-desk', status: 'active', maxConcurrentCalls: null, actor: 'agent:acme', occurredAt } },
      { type: 'accounts.TrunkAddressChanged', aggregateId: 'pbx', data: { customerId: 'pbx', network: '198.51.100.0/24', techPrefix: null, status: 'active', actor: 'agent:acme', occurredAt } },
    );
    await waitFor(async () => (await app.pool.query(`SELECT 1 FROM ${app.db.table('sip_users')} WHERE sip_username = 'office-desk'`)).rowCount === 1, 20_000, 'the SIP user in rating');
    await waitFor(async () => (await app.pool.query(`SELECT 1 FROM ${app.db.table('trunk_addresses')} WHERE customer_id = 'pbx'`)).rowCount === 1, 20_000, 'the trunk address in rating');

    const at = (seconds: number) => new Date(callsStarted + seconds * 1000).toISOString();
    const call = (callId: string, owner: { account?: string; sipUsername?: string; sourceIp?: string }) =>
      ({ callId, ...owner, callerId: '', destination: '+447700900123', startedAt: at(0), answeredAt: at(1), endedAt: at(91), billsec: 90, disposition: 'ANSWERED' });
    const cdrs = [call('first-account', { account: office.accountNumber }), call('first-main-user', { sipUsername: office.sipUsername }), call('first-desk', { sipUsername: 'office-desk' }), call('first-trunk', { sourceIp: '198.51.100.23' })];
    const answer = await app.switch('POST', '/api/v1/switch/cdrs', { cdrs });
    expect(answer.body.results.map((result: { status: string; cost: string }) => [result.status, result.cost])).toEqual(cdrs.map(() => ['rated', '0.3']));
    for (const { callId } of cdrs) {
      const rated = (await app.db.store.readStream(`call-${callId}`)).find((event) => event.type === 'CallRated')!;
      // 2 min at the agent's 0.12/min (its customers pay 0.15)
      expect({ callId, ...(rated.data as { agentCostMicros?: bigint | null }) }).toMatchObject({ callId, costMicros: 300_000n, agentCostMicros: 240_000n });
    }
  }, 60_000);
});
