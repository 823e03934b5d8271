// The agent's cost of a rated call, recorded at rating time (for the agent's margin per customer):
// the price of the same talk time on the sheet ITC assigned to the agent, in force at the call's
// start — next to the customer's price on the sheet the agent gave it (a +25 % derivation). Not
// known (null) for an ITC-direct customer, a number the agent's sheet does not price, or an agent
// changed after the call started (rating keeps only its current sheet); carried on rating.CallRated.
import { toIntegrationEvent } from '@billing/rating-domain';
import { RatingTestApp } from './__fixtures__/rating-test-app.js';

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
    expect((await app.switch('POST', '/api/v1/switch/cdrs', cdr('ac-4', agentsCustomer, '+447700900123', 30, -3_600))).body.status).toBe('rated');
    expect((await ratedEvent('ac-4')).data).toMatchObject({ costMicros: 150_000n, agentCostMicros: null });
  });
});
