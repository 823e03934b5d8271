// What accounts asks its consumers after a commit: one request for all the customer and agent streams
// of the commit (a batch opening's 1000 customers included), split only past the contract's bounds.
import { customerStreamId, type AccountsEvent } from '@billing/accounts-domain';
import { AccountsCatchUpRequestV1, MAX_CATCH_UP_EVENTS, MAX_CATCH_UP_STREAMS, MAX_CATCH_UP_WITHIN_MS, type AccountsCatchUpPort } from '@billing/contracts';
import { ConsumersAtOnce, requestsFor, waitBoundMs, type CommittedStream } from './consumers-at-once.js';

const audit = { actor: 'admin', occurredAt: '2026-01-01T00:00:00.000Z' };

function opened(n: number, further = 0): CommittedStream {
  const customerId = `customer-${n}`;
  const events: AccountsEvent[] = [
    { type: 'CustomerOpened', customerId, accountNumber: `${1_000_000_000 + n}`, agentId: null, profileId: 'p', batchId: 'b', billingType: 'prepaid', creditLimitMicros: null, rateSheetId: 's', initialBalanceMicros: 0n, lowBalanceThresholdMicros: 0n, maxConcurrentCalls: 2, maxCallDurationSeconds: 3600, language: 'en', initialBalanceSource: 'operator', sipUsername: `${1_000_000_000 + n}`, sipHa1: 'x'.repeat(32), portalUsername: `c${n}`, contactEmail: null, lowBalanceEmailEnabled: true, ...audit } satisfies AccountsEvent,
    ...Array.from({ length: further }, (_, i) => ({ type: 'SipUserAdded', customerId, sipUsername: `${1_000_000_000 + n}-${i + 2}`, sipHa1: 'x'.repeat(32), displayName: null, callerId: null, maxConcurrentCalls: null, status: 'active', ...audit }) satisfies AccountsEvent),
  ];
  return { streamId: customerStreamId(customerId), expectedVersion: 'no_stream', events: events.map((event, i) => ({ eventId: `${customerId}-e${i}`, event })) };
}

describe('ConsumersAtOnce requests', () => {
  it('name every customer of a batch opening in one request the contract takes', () => {
    const batch = Array.from({ length: MAX_CATCH_UP_STREAMS }, (_, n) => opened(n));
    const requests = requestsFor(batch, true);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.streams).toHaveLength(MAX_CATCH_UP_STREAMS);
    expect(requests[0]!.streams[7]).toEqual({ key: { account: 'customer-7' }, events: [{ eventId: 'customer-7-e0', type: 'accounts.CustomerOpened' }] });
    expect(AccountsCatchUpRequestV1.safeParse(requests[0]).success).toBe(true);
  });

  it('split only past the bounds: more streams or more events than one request may name', () => {
    expect(requestsFor(Array.from({ length: MAX_CATCH_UP_STREAMS + 1 }, (_, n) => opened(n)), true).map((r) => r.streams.length)).toEqual([MAX_CATCH_UP_STREAMS, 1]);
    // 1 + 99 events each: 100 customers fill one request to MAX_CATCH_UP_EVENTS
    const many = requestsFor(Array.from({ length: 250 }, (_, n) => opened(n, 99)), true);
    expect(many.map((r) => r.streams.length)).toEqual([100, 100, 50]);
    for (const request of many) expect(AccountsCatchUpRequestV1.safeParse(request).success).toBe(true);
    expect(many[0]!.streams.flatMap((stream) => stream.events)).toHaveLength(MAX_CATCH_UP_EVENTS);
  });

  it('never name no stream: a first stream with more events than one request may name goes alone', () => {
    const requests = requestsFor([opened(1, MAX_CATCH_UP_EVENTS), opened(2)], true);
    expect(requests.map((r) => r.streams.map((stream) => stream.key))).toEqual([[{ account: 'customer-1' }], [{ account: 'customer-2' }]]);
  });

  it('give the consumer the time the answer still waits for it (withinMs), so it stops filling when the answer stops waiting', async () => {
    const asked: Parameters<AccountsCatchUpPort['catchUp']>[0][] = [];
    const consumer: AccountsCatchUpPort = { awaitsOpenings: true, catchUp: async (request) => (asked.push(request), true) };
    await new ConsumersAtOnce([consumer]).applied(Array.from({ length: 3 }, (_, n) => opened(n)));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.withinMs).toBeGreaterThan(0);
    expect(asked[0]!.withinMs).toBeLessThanOrEqual(waitBoundMs(3));
    expect(AccountsCatchUpRequestV1.safeParse(asked[0]).success).toBe(true);
  });

  it('leave openings out for a consumer that does not await them', () => {
    expect(requestsFor([opened(1), opened(2)], false)).toEqual([]);
  });

  it('wait longer for a commit of many streams, bounded', () => {
    expect(waitBoundMs(1)).toBe(2_000);
    expect(waitBoundMs(MAX_CATCH_UP_STREAMS)).toBe(46_955);
  });
});

describe('the catch-up contract', () => {
  it('refuses more streams or events than it bounds, and the old single-key body', () => {
    const stream = (n: number) => ({ key: { account: `c-${n}` }, events: [{ eventId: `e-${n}`, type: 'accounts.CustomerOpened' }] });
    expect(AccountsCatchUpRequestV1.safeParse({ streams: Array.from({ length: MAX_CATCH_UP_STREAMS + 1 }, (_, n) => stream(n)) }).success).toBe(false);
    const heavy = { key: { account: 'c' }, events: Array.from({ length: MAX_CATCH_UP_EVENTS / 2 + 1 }, (_, n) => ({ eventId: `e-${n}`, type: 't' })) };
    expect(AccountsCatchUpRequestV1.safeParse({ streams: [heavy, heavy] }).success).toBe(false);
    expect(AccountsCatchUpRequestV1.safeParse({ streams: [] }).success).toBe(false);
    expect(AccountsCatchUpRequestV1.safeParse(stream(1)).success).toBe(false);
    for (const withinMs of [0, 1.5, MAX_CATCH_UP_WITHIN_MS + 1, '100']) expect(AccountsCatchUpRequestV1.safeParse({ streams: [stream(1)], withinMs }).success).toBe(false);
    expect(AccountsCatchUpRequestV1.safeParse({ streams: [stream(1)], withinMs: 1_500 }).success).toBe(true);
  });
});
