// End to end over the real Kafka broker: accounts' events reach rating and wallet through their
// consumer groups, CDRs come in over HTTP, rating publishes rating.events.v1, and the wallet's
// consumer charges them: every customer's balance goes down by exactly the rated costs.
import { topicFor, type IntegrationEvent } from '@billing/contracts';
import { parseMoney } from '@billing/money';
import { uniqueName } from '@billing/testing';
import { RatingTestApp, waitFor, type OpenedCustomer } from './__fixtures__/rating-test-app.js';

const rows = [
  { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
  { prefix: '4420', destination: 'London', connectFee: '0.40', intervals: [{ startSecond: 0, ratePerMinute: '0.20', incrementSeconds: 60 }, { startSecond: 60, ratePerMinute: '0.10', incrementSeconds: 1 }] },
  { prefix: '1', destination: 'USA', minimumSeconds: 30, intervals: [{ startSecond: 0, ratePerMinute: '0.0125', incrementSeconds: 6 }] },
];
const destinations = ['442079460958', '441612345678', '12125550100'];

describe('rating over Kafka', () => {
  let app: RatingTestApp;
  const published: IntegrationEvent[] = [];

  beforeAll(async () => {
    app = await RatingTestApp.start({ transport: 'kafka' });
    // what reports will do: read rating.events.v1 in a group of their own
    await app.bus.consume({
      group: uniqueName('reports'),
      topics: [topicFor(app.ratingService)],
      handler: async (event) => {
        published.push(event);
      },
      store: app.accounts.store,
      checkpoints: app.accounts.store.checkpoints,
    });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  }, 90_000);

  it('CDRs in, rated, and wallet balances down by exactly the rated costs', async () => {
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'k-itc', name: 'ITC', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
    const customers: OpenedCustomer[] = [];
    for (const id of ['k-1', 'k-2', 'k-3']) customers.push(await app.openCustomer(id, { rateSheetId: 'k-itc', initialBalance: '50' }));

    // one call authorized first: its hold is settled by the charge
    const authorized = await app.switch('POST', '/api/v1/switch/authorize', { callId: 'k-auth', account: customers[0]!.accountNumber, destination: '442079460958' });
    expect(authorized.body).toMatchObject({ allowed: true, maxDurationSeconds: 10_800 });

    const start = Date.parse('2025-03-01T12:00:00Z');
    const cdrs = Array.from({ length: 60 }, (_, i) => {
      const customer = customers[i % 3]!;
      const billsec = i % 7 === 6 ? 0 : 1 + ((i * 37) % 400); // call 0 (the authorized one) is answered
      const startedAt = start + i * 1000;
      return {
        callId: i === 0 ? 'k-auth' : `k-call-${i}`,
        account: customer.accountNumber,
        callerId: '',
        destination: destinations[i % destinations.length],
        startedAt: new Date(startedAt).toISOString(),
        answeredAt: billsec === 0 ? null : new Date(startedAt + 3000).toISOString(),
        endedAt: new Date(startedAt + 3000 + billsec * 1000).toISOString(),
        billsec,
        disposition: billsec === 0 ? 'no_answer' : 'answered',
      };
    });
    const res = await app.switch('POST', '/api/v1/switch/cdrs', { cdrs });
    expect(res.status).toBe(200);
    const results = res.body.results as { callId: string; status: string; cost: string }[];
    expect(results.every((result) => result.status === 'rated' || result.status === 'unanswered')).toBe(true);

    const expected = new Map(customers.map((customer) => [customer.customerId, parseMoney('50')]));
    results.forEach((result, i) => {
      const customerId = customers[i % 3]!.customerId;
      expected.set(customerId, expected.get(customerId)! - parseMoney(result.cost));
    });
    for (const [customerId, balanceMicros] of expected) {
      await waitFor(async () => (await app.wallet(customerId))?.balanceMicros === balanceMicros, 60_000, `${customerId}'s balance`);
      expect((await app.wallet(customerId))!.heldMicros).toBe(0n);
    }
    await waitFor(async () => published.filter((event) => event.type === 'rating.CallRated' || event.type === 'rating.CallUnanswered').length === 60, 60_000, 'the rating events on Kafka');
    const rated = published.find((event) => event.type === 'rating.CallRated' && (event.data as { callId: string }).callId === 'k-auth')!;
    expect(rated.aggregateId).toBe('call-k-auth');
    expect(rated.data).toMatchObject({ customerId: 'k-1', holdId: 'k-auth', cost: results[0]!.cost });
  }, 120_000);
});
