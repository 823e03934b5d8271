// Issue 12 §5 for CDRs: after the 2xx of a CDR post, every public read the call changes shows it at
// once — the customer's balance (charged, its hold settled or released), its calls and their
// summary — with no waiting, on both transports. The integration event that charges the same call
// later moves nothing: a replayed batch charges nothing more, before or after the events are consumed.
// A re-rated call (ITC's command) is charged before its answer too.
import { formatMoney, parseMoney } from '@billing/money';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the spec composes rating with the real wallet, as the test app does
import { RatingEventsConsumer } from '@billing/wallet-service';
import { RatingTestApp, waitFor, type OpenedCustomer } from './__fixtures__/rating-test-app.js';

const START = Date.parse('2025-03-01T12:00:00Z');
const iso = (offsetSeconds: number) => new Date(START + offsetSeconds * 1000).toISOString();
const RANGE = 'from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z';
const usa = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 60 }] };

/** A native CDR talking `billsec` seconds (0: not answered). */
function cdr(callId: string, account: string, billsec: number) {
  return {
    callId,
    account,
    callerId: '',
    destination: '+12125550100',
    startedAt: iso(0),
    answeredAt: billsec === 0 ? null : iso(5),
    endedAt: iso(5 + billsec),
    billsec,
    disposition: billsec === 0 ? 'NO ANSWER' : 'ANSWERED',
  };
}

describe.each(['in-process', 'kafka'] as const)('a CDR is visible at once after its answer (%s transport)', (transport) => {
  let app: RatingTestApp;
  let customer: OpenedCustomer;

  beforeAll(async () => {
    app = await RatingTestApp.start({ transport });
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'us', name: 'US', effectiveFrom: '2020-01-01T00:00:00Z', rows: [usa] })).status).toBe(201);
    await app.openAgent('ag-ryw', 'us');
    customer = await app.openCustomer('c-ryw', { agentId: 'ag-ryw', rateSheetId: 'us', initialBalance: '100' });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  const reads = async () => ({
    balance: (await app.admin('GET', `/api/v1/customers/${customer.customerId}/balance`)).body as { balance: string; held: string },
    calls: ((await app.admin('GET', `/api/v1/customers/${customer.customerId}/calls?limit=100&${RANGE}`)).body.items as { callId: string }[]).map((call) => call.callId).sort(),
    summary: (await app.admin('GET', `/api/v1/customers/${customer.customerId}/calls/summary?${RANGE}`)).body as { attempts: number; revenue: string },
  });

  it('balance, hold, calls and summary show every CDR right after its 2xx; a replay charges nothing more', async () => {
    let spentMicros = 0n;
    const posted: string[] = [];
    const bodies: unknown[] = [];
    // authorized and answered (a hold settled), answered without an authorization (charged directly),
    // authorized and not answered (the hold released), then a batch of two
    const steps: { callId: string; billsec: number; authorize: boolean }[][] = [];
    for (let round = 0; round < 3; round += 1) {
      steps.push([{ callId: `ryw-${round}-held`, billsec: 60 * (round + 1), authorize: true }]);
      steps.push([{ callId: `ryw-${round}-direct`, billsec: 61, authorize: false }]);
      steps.push([{ callId: `ryw-${round}-missed`, billsec: 0, authorize: true }]);
      steps.push([
        { callId: `ryw-${round}-batch-a`, billsec: 30, authorize: true },
        { callId: `ryw-${round}-batch-b`, billsec: 90, authorize: false },
      ]);
    }
    let stale = 0;
    for (const step of steps) {
      for (const call of step.filter((c) => c.authorize)) {
        const granted = await app.switch('POST', '/api/v1/switch/authorize', { callId: call.callId, account: customer.accountNumber, callerId: '', destination: '+12125550100' });
        expect(granted.body).toMatchObject({ allowed: true });
      }
      const body = step.length === 1 ? cdr(step[0]!.callId, customer.accountNumber, step[0]!.billsec) : { cdrs: step.map((c) => cdr(c.callId, customer.accountNumber, c.billsec)) };
      bodies.push(body);
      const answer = await app.switch('POST', '/api/v1/switch/cdrs', body);
      expect(answer.status).toBe(200);
      for (const call of step) {
        posted.push(call.callId);
        spentMicros += parseMoney('0.6') * BigInt(Math.ceil(call.billsec / 60));
      }
      // read at once: no sleep, no retry
      const seen = await reads();
      const expected = { balance: { balance: formatMoney(parseMoney('100') - spentMicros), held: '0' }, calls: [...posted].sort(), summary: { attempts: posted.length, revenue: formatMoney(spentMicros) } };
      if (JSON.stringify({ b: seen.balance.balance, h: seen.balance.held, c: seen.calls, a: seen.summary.attempts, r: seen.summary.revenue }) !== JSON.stringify({ b: expected.balance.balance, h: expected.balance.held, c: expected.calls, a: expected.summary.attempts, r: expected.summary.revenue })) stale += 1;
      expect(seen.balance).toMatchObject(expected.balance);
      expect(seen.calls).toEqual(expected.calls);
      expect(seen.summary).toMatchObject(expected.summary);
    }
    expect(stale).toBe(0);

    // the switch replays everything: recorded already, nothing charged again
    for (const body of bodies) expect((await app.switch('POST', '/api/v1/switch/cdrs', body)).status).toBe(200);
    expect((await reads()).balance.balance).toBe(formatMoney(parseMoney('100') - spentMicros));
    // the integration events of every call reach the wallet too, and move nothing more
    const consumer = app.gw.app.get(RatingEventsConsumer);
    await waitFor(async () => (consumer.status()?.handled ?? 0) >= posted.length, 30_000, 'the wallet to consume every call event');
    expect((await reads()).balance).toMatchObject({ balance: formatMoney(parseMoney('100') - spentMicros), held: '0' });
    expect(await app.wallet(customer.customerId)).toEqual({ balanceMicros: parseMoney('100') - spentMicros, heldMicros: 0n });
  }, 120_000);

  it('a re-rated call is charged before the re-rate answers', async () => {
    const before = parseMoney((await reads()).balance.balance);
    // a destination the sheet has no row for: kept unrated, nothing charged
    const unrated = await app.switch('POST', '/api/v1/switch/cdrs', { ...cdr('ryw-rerate', customer.accountNumber, 60), destination: '+442079460958' });
    expect(unrated.body).toMatchObject({ status: 'unrated', reason: 'no_rate' });
    const uk = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.30', incrementSeconds: 60 }] };
    expect((await app.admin('POST', '/api/v1/rate-sheets/us/versions', { effectiveFrom: '2024-01-01T00:00:00Z', rows: [usa, uk] })).status).toBe(201);
    const reRated = await app.admin('POST', '/api/v1/calls/ryw-rerate/re-rate');
    expect(reRated.body).toMatchObject({ status: 'rated', cost: '0.3', changed: true });
    // read at once
    expect((await reads()).balance.balance).toBe(formatMoney(before - parseMoney('0.3')));
  }, 60_000);
});
