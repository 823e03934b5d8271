// GET /api/v1/reports/series: rated calls, billed minutes, revenue and deposits per bucket over a
// range, from the same read models as the summary — exact, empty buckets as zeros, each agent
// only its own, ITC all or one agent; bounded (at most 1 440 buckets) with a 400 beyond.
import { jest } from '@jest/globals';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, type SseMessage } from '@billing/testing';
import type pg from 'pg';
import { AGENT_A, AGENT_B, scenarioPerFile } from './__fixtures__/scenario.js';
import { ReportsDatabase } from './infrastructure/reports-database.js';
import { LivePositionBusyError, livePositionLockKey, takeLivePosition } from './live/live-position.js';
import { SeriesQueries } from './series/series.queries.js';
import { pause, waitFor } from './__fixtures__/wait.js';

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
const STALL_URL = '/api/v1/reports/series?from=2025-03-10T10:00:00Z&to=2025-03-10T10:06:00Z';
const reportsDatabase = () => scenario.gateway.app.get(ReportsDatabase, { strict: false });

/** A transaction that took a live position as a projection does, then hangs; ended by the returned function. */
async function stuckProjection(): Promise<() => Promise<void>> {
  const stuck = await scenario.pool.connect();
  await stuck.query('BEGIN');
  await takeLivePosition(stuck, reportsDatabase());
  return async () => {
    await stuck.query('ROLLBACK').catch(() => undefined);
    stuck.release();
  };
}

/** Series reads waiting for the projection order's lock right now (its exclusive advisory lock, not granted). */
async function seriesWaitingForLock(): Promise<number> {
  const { rows } = await scenario.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks, hashtextextended($1, 0) AS k
     WHERE locktype = 'advisory' AND mode = 'ExclusiveLock' AND NOT granted AND objsubid = 1
       AND classid::bigint = (k >> 32) & 4294967295 AND objid::bigint = k & 4294967295`,
    [livePositionLockKey(reportsDatabase())],
  );
  return rows[0]!.n;
}

it('gives up after a bounded wait while a projection holds its place (503 overloaded, Retry-After), and the projections go on', async () => {
  const stream = await scenario.live('admin');
  const release = await stuckProjection();
  try {
    const asked = scenario.get('admin', STALL_URL);
    await waitFor(seriesWaitingForLock, (n) => n === 1, 'the series waiting for the lock');
    // a projection that comes while the series waits: it goes once the series has given up
    const deposit = await scenario.world.agentDeposit(AGENT_A, '1', '101');
    const publishedMs = Date.now();
    const busy = await asked;
    expect({ status: busy.status, type: busy.headers.get('content-type'), retryAfter: busy.headers.get('retry-after'), code: busy.body.code }).toEqual({
      status: 503,
      type: expect.stringContaining('application/problem+json'),
      retryAfter: '1',
      code: 'overloaded',
    });
    expect(Date.now() - publishedMs).toBeLessThan(3_000);
    await stream.next((message) => message.id === deposit.eventId, 5_000, 'the deposit, projected while a position is still held');
  } finally {
    await release();
  }
  // nothing held any more: the series answers, with every event it includes up to its position
  const again = await scenario.get('admin', STALL_URL);
  expect(again.status).toBe(200);
  stream.close();
});

// Under the overload that causes 503s every dashboard retries each second: a 503 must not cost a
// connection (the lock was never taken), and no read may leave its lock_timeout on a pooled one.
it('leaves its pooled connection as it found it, after a read and after a 503: the same backend, lock_timeout back to the default', async () => {
  const onePool: pg.Pool = createPool(testDatabaseUrl(), { max: 1, applicationName: 'reports-test-one' });
  // the app's reports database over a pool of one connection: the series can only use that one
  const queries = new SeriesQueries(Object.assign(Object.create(reportsDatabase()) as ReportsDatabase, { pool: onePool }));
  const request = { range: { from: new Date('2025-03-10T10:00:00Z'), to: new Date('2025-03-10T10:06:00Z') }, bucketSeconds: 60, agentId: undefined };
  const backend = async () => (await onePool.query<{ pid: number; lockTimeout: string }>(`SELECT pg_backend_pid() AS pid, current_setting('lock_timeout') AS "lockTimeout"`)).rows[0];
  try {
    const fresh = await backend();
    expect((await queries.load(request)).buckets.size).toBeGreaterThan(0);
    expect(await backend()).toEqual(fresh);
    const release = await stuckProjection();
    try {
      await expect(queries.load(request)).rejects.toBeInstanceOf(LivePositionBusyError);
    } finally {
      await release();
    }
    expect(await backend()).toEqual(fresh);
  } finally {
    await onePool.end();
  }
});

// The pool exhausted (every connection busy elsewhere): pg's connect would wait its own 10 s while
// this read holds the instance's turn. The read gives up within its 0.5 s instead, and the
// connection it asked for, when the pool hands it over later, goes back unused (not leaked).
it('gives up within its bound when no pooled connection is free (503 overloaded), and leaks none', async () => {
  const onePool: pg.Pool = createPool(testDatabaseUrl(), { max: 1, applicationName: 'reports-test-one' });
  const queries = new SeriesQueries(Object.assign(Object.create(reportsDatabase()) as ReportsDatabase, { pool: onePool }));
  const request = { range: { from: new Date('2025-03-10T10:00:00Z'), to: new Date('2025-03-10T10:06:00Z') }, bucketSeconds: 60, agentId: undefined };
  try {
    const held = await onePool.connect();
    let busy: unknown;
    const startedMs = Date.now();
    try {
      busy = await queries.load(request).then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      held.release();
    }
    expect({ busy: busy instanceof LivePositionBusyError, overloaded: (busy as { overloaded?: boolean }).overloaded }).toEqual({ busy: true, overloaded: true });
    expect(Date.now() - startedMs).toBeLessThan(1_000);
    // the late connection went back to the pool: the one connection serves the next read
    expect((await queries.load(request)).buckets.size).toBeGreaterThan(0);
    expect({ total: onePool.totalCount, idle: onePool.idleCount, waiting: onePool.waitingCount }).toEqual({ total: 1, idle: 1, waiting: 0 });
  } finally {
    await onePool.end();
  }
});

// One slow projection must not be stalled by every dashboard's read in turn: an instance lets one
// series read wait for the lock at a time, the others wait in process within their own bound.
it('lets one series read at a time wait for the projections: concurrent reads answer 503 or 200 within their bound, a projection waits behind one read at most', async () => {
  const stream = await scenario.live('admin');
  const concurrently = (reads: number) => {
    const startedMs = Date.now();
    let answered = 0;
    const all = Promise.all(
      Array.from({ length: reads }, () =>
        scenario.get('admin', STALL_URL).then((res) => {
          answered += 1;
          return { status: res.status, ms: Date.now() - startedMs, position: res.body.position as number | undefined };
        }),
      ),
    );
    return { all, pending: () => answered < reads };
  };
  /** the most series reads seen waiting for the lock at once until `pending` ends */
  const mostWaiting = async (pending: () => boolean, onFirstWaiting: () => Promise<void> = async () => undefined) => {
    let most = 0;
    while (pending()) {
      const waiting = await seriesWaitingForLock();
      if (waiting > 0 && most === 0) await onFirstWaiting();
      most = Math.max(most, waiting);
      await pause(10);
    }
    return most;
  };

  // a projection stays stuck: every read gives up, after its own 0.5 s (queued ones too), and a
  // projection that comes meanwhile is held back by one read's wait at most
  const release = await stuckProjection();
  let deposit: { eventId: string } | undefined;
  try {
    const stalled = concurrently(6);
    const most = await mostWaiting(stalled.pending, async () => {
      deposit = await scenario.world.agentDeposit(AGENT_A, '1', '102');
    });
    const answers = await stalled.all;
    expect(most).toBe(1);
    expect(answers.map((answer) => answer.status)).toEqual([503, 503, 503, 503, 503, 503]);
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(3_000);
    expect(deposit).toBeDefined();
    await stream.next((message) => message.id === deposit!.eventId, 5_000, 'the deposit, projected while a position is still held');
  } finally {
    await release();
  }

  // the projection commits while the reads wait: the queue drains one read at a time
  const stuckAgain = await stuckProjection();
  const draining = concurrently(6);
  let released = false;
  try {
    const most = await mostWaiting(draining.pending, async () => {
      released = true;
      await stuckAgain();
    });
    const answers = await draining.all;
    expect(most).toBe(1);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(3_000);
  } finally {
    if (!released) await stuckAgain();
  }
  stream.close();
});
