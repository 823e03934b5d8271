// GET /api/v1/reports/series: rated calls, billed minutes, revenue and deposits per bucket over a
// range, from the same read models as the summary — exact, empty buckets as zeros, each agent
// only its own, ITC all or one agent; bounded (at most 1 440 buckets) with a 400 beyond.
import { jest } from '@jest/globals';
import type { SseMessage } from '@billing/testing';
import { AGENT_A, AGENT_B, scenarioPerFile } from './__fixtures__/scenario.js';
import { ReportsDatabase } from './infrastructure/reports-database.js';
import { takeLivePosition } from './live/live-position.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

const HOUR = 'from=2025-03-10T10:00:00Z&to=2025-03-10T10:05:00Z';

const scenario = scenarioPerFile(async (world) => {
  await world.at('2025-03-10T08:00:00.000Z').agent(AGENT_A);
  await world.agent(AGENT_B);
  await world.customer('cust-a1', AGENT_A);
  await world.customer('cust-b1', AGENT_B);
  await world.at('2025-03-10T10:00:10.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 61, billedSeconds: 120, cost: '0.3' }, '99.7');
  await world.at('2025-03-10T10:00:59.999Z').ratedCall({ customerId: 'cust-b1', agentId: AGENT_B, billsec: 30, cost: '0.000001' }, '99.6');
  await world.at('2025-03-10T10:02:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '1.25' }, '98.45');
  await world.at('2025-03-10T10:02:30.000Z').unansweredCall('cust-a1', AGENT_A); // not a rated call
  await world.at('2025-03-10T10:02:40.000Z').agentDeposit(AGENT_A, '100', '100');
  await world.at('2025-03-10T10:04:00.000Z').customerDeposit('cust-b1', AGENT_B, '20.5', '120.1');
  await world.at('2025-03-10T10:05:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '9' }, '89.45'); // at `to`: outside
  await waitFor(
    async () => (await scenario.get('admin', '/api/v1/reports/series?from=2025-03-10T10:00:00Z&to=2025-03-10T10:06:00Z')).body,
    (body) => body.buckets?.reduce((n: number, b: { calls: number }) => n + b.calls, 0) === 4 && body.buckets.reduce((n: number, b: { deposits: { count: number } }) => n + b.deposits.count, 0) === 2,
    'the calls and deposits in the read model',
  );
});

const empty = (start: string) => ({ start, calls: 0, billedSeconds: 0, billedMinutes: '0.00', revenue: '0', deposits: { count: 0, amount: '0' } });

it('gives ITC every agent per minute, empty minutes as zeros, money exact', async () => {
  const res = await scenario.get('admin', `/api/v1/reports/series?${HOUR}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.body).toEqual({
    from: '2025-03-10T10:00:00.000Z',
    to: '2025-03-10T10:05:00.000Z',
    bucketSeconds: 60,
    asOf: expect.any(String),
    position: expect.any(Number),
    buckets: [
      { start: '2025-03-10T10:00:00.000Z', calls: 2, billedSeconds: 150, billedMinutes: '2.50', revenue: '0.300001', deposits: { count: 0, amount: '0' } },
      empty('2025-03-10T10:01:00.000Z'),
      { start: '2025-03-10T10:02:00.000Z', calls: 1, billedSeconds: 60, billedMinutes: '1.00', revenue: '1.25', deposits: { count: 1, amount: '100' } },
      empty('2025-03-10T10:03:00.000Z'),
      { ...empty('2025-03-10T10:04:00.000Z'), deposits: { count: 1, amount: '20.5' } },
    ],
  });
  // read after the figures: every event they include happened before it
  expect(Date.parse(res.body.asOf)).toBeGreaterThan(Date.now() - 60_000);
});

it('gives an agent only its own (another agent is a 404), ITC one agent on request, a customer nothing', async () => {
  const mine = await scenario.get('agentB', `/api/v1/reports/series?${HOUR}&bucketSeconds=300`);
  expect(mine.status).toBe(200);
  expect(mine.body.buckets).toEqual([{ start: '2025-03-10T10:00:00.000Z', calls: 1, billedSeconds: 30, billedMinutes: '0.50', revenue: '0.000001', deposits: { count: 1, amount: '20.5' } }]);
  const asked = await scenario.get('admin', `/api/v1/reports/series?${HOUR}&bucketSeconds=300&agentId=${AGENT_A}`);
  expect(asked.body.buckets).toEqual([{ start: '2025-03-10T10:00:00.000Z', calls: 2, billedSeconds: 180, billedMinutes: '3.00', revenue: '1.55', deposits: { count: 1, amount: '100' } }]);
  expect((await scenario.get('agentB', `/api/v1/reports/series?${HOUR}&agentId=${AGENT_A}`)).status).toBe(404);
  expect((await scenario.get('admin', `/api/v1/reports/series?${HOUR}&agentId=nobody`)).status).toBe(404);
  expect((await scenario.get('customer', `/api/v1/reports/series?${HOUR}`)).status).toBe(403);
});

it('cuts the last bucket at `to` and refuses more than 1 440 buckets, bad buckets and ranges (400, problem+json)', async () => {
  const cut = await scenario.get('admin', '/api/v1/reports/series?from=2025-03-10T10:00:00Z&to=2025-03-10T10:03:00Z&bucketSeconds=120');
  expect(cut.body.buckets.map((b: { start: string; calls: number }) => [b.start, b.calls])).toEqual([
    ['2025-03-10T10:00:00.000Z', 2],
    ['2025-03-10T10:02:00.000Z', 1],
  ]);
  expect((await scenario.get('admin', '/api/v1/reports/series?from=2025-03-10&to=2025-03-10')).body.buckets).toHaveLength(1_440);
  for (const query of [
    'from=2025-03-10&to=2025-03-11', // 2 880 minutes
    'from=2025-03-10T10:00:00Z&to=2025-03-10T10:05:00Z&bucketSeconds=59',
    'from=2025-03-10T10:00:00Z&to=2025-03-10T10:05:00Z&bucketSeconds=86401',
    'from=2025-03-10T10:00:00Z&to=2025-03-10T10:05:00Z&bucketSeconds=1.5',
    'from=2025-03-10T10:05:00Z&to=2025-03-10T10:00:00Z',
    'from=yesterday',
    'bucket=60',
  ]) {
    const res = await scenario.get('admin', `/api/v1/reports/series?${query}`);
    expect({ query, status: res.status, type: res.headers.get('content-type') }).toEqual({ query, status: 400, type: expect.stringContaining('application/problem+json') });
  }
  const tooMany = await scenario.get('admin', '/api/v1/reports/series?from=2025-03-10&to=2025-03-11');
  expect(tooMany.body.errors).toEqual([{ path: '/bucketSeconds', message: expect.stringContaining('at most 1440') }]);
});

// The client's rule (the portal dashboard's live-series.ts): a live event counts when its position
// is greater than the series' — never by time. An event decided before the series was read but
// projected after it (bus lag) is in neither half by time; by position it is added exactly once.
it('places every live event on one side of the series by the projection order, not by when it was decided', async () => {
  const stream = await scenario.live('admin');
  const series = async () => (await scenario.get('admin', '/api/v1/reports/series?from=2025-03-10T10:00:00Z&to=2025-03-10T10:06:00Z')).body as { asOf: string; position: number; buckets: { calls: number }[] };
  const calls = (body: { buckets: { calls: number }[] }) => body.buckets.reduce((n, b) => n + b.calls, 0);
  const byEvent = (id: string) => (message: SseMessage) => message.id === id;

  // projected before the series was read: in its figures, so not added
  const before = await scenario.world.at('2025-03-10T10:03:00.000Z').ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '1' }, '88.45');
  const seenBefore = await stream.next(byEvent(before.eventId), 5_000, 'the call projected before the series');
  const loaded = await series();
  expect(calls(loaded)).toBe(5);
  expect(seenBefore.json.position as number).toBeLessThanOrEqual(loaded.position);

  // decided before the series was read (its occurredAt is earlier than asOf), projected after it
  const decided = new Date(Date.parse(loaded.asOf) - 30_000).toISOString();
  const late = await scenario.world.at(decided).ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, billsec: 60, cost: '1' }, '87.45');
  scenario.world.at(undefined);
  const seenLate = await stream.next(byEvent(late.eventId), 5_000, 'the call projected after the series');
  expect(Date.parse(seenLate.json.occurredAt as string)).toBeLessThan(Date.parse(loaded.asOf));
  expect(seenLate.json.position as number).toBeGreaterThan(loaded.position);
  // and a series read now includes it, with a position at or past it
  const again = await series();
  expect(again.position).toBeGreaterThanOrEqual(seenLate.json.position as number);
  stream.close();
});

// A projection in flight holds its place in the commit order (a shared lock) until it commits; the
// series queues for the exclusive one and the next projections queue behind it. A slow or stuck
// transaction must hold neither for long: the series gives up after a bounded wait (503, retry).
it('gives up after a bounded wait while a projection holds its place (503 overloaded, Retry-After), and the projections go on', async () => {
  const url = '/api/v1/reports/series?from=2025-03-10T10:00:00Z&to=2025-03-10T10:06:00Z';
  const stream = await scenario.live('admin');
  const stuck = await scenario.pool.connect();
  try {
    await stuck.query('BEGIN');
    await takeLivePosition(stuck, scenario.gateway.app.get(ReportsDatabase, { strict: false })); // as a projection does, then it hangs
    const startedMs = Date.now();
    const asked = scenario.get('admin', url);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the series is queued by now
    // a projection that comes while the series waits: it goes once the series has given up
    const deposit = await scenario.world.agentDeposit(AGENT_A, '1', '101');
    const busy = await asked;
    expect({ status: busy.status, type: busy.headers.get('content-type'), retryAfter: busy.headers.get('retry-after'), code: busy.body.code }).toEqual({
      status: 503,
      type: expect.stringContaining('application/problem+json'),
      retryAfter: '1',
      code: 'overloaded',
    });
    expect(Date.now() - startedMs).toBeLessThan(3_000);
    await stream.next((message) => message.id === deposit.eventId, 5_000, 'the deposit, projected while a position is still held');
  } finally {
    await stuck.query('ROLLBACK').catch(() => undefined);
    stuck.release();
  }
  // nothing held any more: the series answers, with every event it includes up to its position
  const again = await scenario.get('admin', url);
  expect(again.status).toBe(200);
  stream.close();
});
