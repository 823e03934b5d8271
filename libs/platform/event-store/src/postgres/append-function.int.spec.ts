// The one-statement append (append-function.ts): the migration installs and upgrades it, a caller's
// transaction survives a conflict, a bypassing writer still meets a typed conflict, and wake-ups
// reach subscribers whether the store or the caller owns the transaction.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { CASE_TIMEOUT_MS, sleep, waitFor } from '../contract/fixtures.js';
import { WrongExpectedVersionError, type NewEvent, type RecordedEvent } from '../port.js';
import { APPEND_FUNCTION_ARGS } from './append-function.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { openTestStore, type TestStore } from './test-database.js';

jest.setTimeout(CASE_TIMEOUT_MS);

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('es_fn');
});
afterAll(async () => {
  await t.teardown();
});

const newEvent = (): NewEvent => ({ eventId: randomUUID(), type: 'Charged', data: { amountMicros: 1n } });
const stream = (label: string): string => `${label}-${randomUUID()}`;
const functionXmin = async (): Promise<string | undefined> =>
  (await t.pool.query<{ xmin: string }>('SELECT xmin::text AS xmin FROM pg_proc WHERE oid = to_regprocedure($1)', [`"${t.schema}".append_events_v1(${APPEND_FUNCTION_ARGS})`])).rows[0]?.xmin;

describe('migration', () => {
  test('re-opening leaves an unchanged function alone; a schema without it (earlier version) gets it', async () => {
    const before = await functionXmin();
    expect(before).toBeDefined();
    await (await PostgresEventStore.open({ pool: t.pool, schema: t.schema })).close();
    expect(await functionXmin()).toBe(before);

    await t.pool.query(`DROP FUNCTION "${t.schema}".append_events_v1(${APPEND_FUNCTION_ARGS})`);
    const stale = await PostgresEventStore.open({ pool: t.pool, schema: t.schema, migrate: false });
    await expect(stale.append(stream('stale'), [newEvent()], 'any')).rejects.toThrow('open the store once with migrate');
    await stale.close();
    const upgraded = await PostgresEventStore.open({ pool: t.pool, schema: t.schema });
    expect((await upgraded.append(stream('upgraded'), [newEvent()], 'no_stream')).writtenCount).toBe(1);
    await upgraded.close();
    // the test store's own connections prepared the call against the dropped function: still valid
    expect((await t.store.append(stream('replanned'), [newEvent()], 'no_stream')).writtenCount).toBe(1);
  });
});

test('a conflict inside the caller transaction is typed and leaves that transaction usable', async () => {
  const s = stream('tx-conflict');
  await t.store.append(s, [newEvent()], 'no_stream');
  const after = await t.store.withTransaction(async (client) => {
    await expect(t.store.appendInTransaction(client, [{ streamId: s, events: [newEvent()], expectedVersion: 'no_stream' }])).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      actual: 0,
    });
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one;
  });
  expect(after).toBe(1);
});

test('a multi-stream conflict rolls back the inbox entry and the streams before it', async () => {
  const [a, b] = [stream('multi-a'), stream('multi-b')].sort();
  const inbox = { consumer: 'fn-spec', messageId: randomUUID() };
  const conflicting = t.store.appendMulti(
    [
      { streamId: a!, events: [newEvent()], expectedVersion: 'no_stream' },
      { streamId: b!, events: [newEvent()], expectedVersion: 3 },
    ],
    { inbox },
  );
  await expect(conflicting).rejects.toMatchObject({ streamId: b, expected: 3, actual: -1 });
  expect(await t.store.readStream(a!)).toEqual([]);
  expect(await t.store.hasInbox(inbox)).toBe(false);
});

test('partial duplicates in a multi-stream append: stored ids skipped, the rest at consecutive versions', async () => {
  const [a, b, elsewhere] = [stream('dup-a'), stream('dup-b'), stream('dup-c')];
  const [old1, old2, other, new1, new2] = [newEvent(), newEvent(), newEvent(), newEvent(), newEvent()];
  await t.store.append(a, [old1], 'no_stream');
  await t.store.append(b, [old2], 'no_stream');
  await t.store.append(elsewhere, [other], 'no_stream');
  const { results } = await t.store.appendMulti([
    { streamId: b, events: [new1, old2], expectedVersion: 0 },
    { streamId: a, events: [old1, new2, other], expectedVersion: 0 },
  ]);
  expect(results).toEqual([
    { streamId: b, nextExpectedVersion: 1, writtenCount: 1 },
    { streamId: a, nextExpectedVersion: 1, writtenCount: 1 },
  ]);
  expect((await t.store.readStream(a)).map((e) => [e.eventId, e.streamVersion])).toEqual([[old1.eventId, 0], [new2.eventId, 1]]);
  expect((await t.store.readStream(b)).map((e) => [e.eventId, e.streamVersion])).toEqual([[old2.eventId, 0], [new1.eventId, 1]]);
});

test('a multi-stream append of fresh events (the set-based path): versions per stream, global order as given, mixed new and existing streams', async () => {
  const existing = stream('set-old');
  await t.store.append(existing, [newEvent(), newEvent()], 'no_stream');
  const fresh = Array.from({ length: 40 }, (_, i) => stream(`set-${String(i).padStart(2, '0')}`));
  const appends = [...fresh.map((streamId, i) => ({ streamId, events: Array.from({ length: 1 + (i % 3) }, newEvent), expectedVersion: 'no_stream' as const })), { streamId: existing, events: [newEvent()], expectedVersion: 1 }];
  const { results } = await t.store.appendMulti(appends);
  expect(results).toEqual(appends.map((a) => ({ streamId: a.streamId, nextExpectedVersion: a.streamId === existing ? 2 : a.events.length - 1, writtenCount: a.events.length })));
  for (const append of appends) {
    const stored = await t.store.readStream(append.streamId);
    expect(stored.slice(-append.events.length).map((e) => e.eventId)).toEqual(append.events.map((e) => e.eventId));
    expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i));
  }
  // one transaction's events keep the order the caller gave them (the store sorts streams by id)
  const ids = appends.slice().sort((x, y) => (x.streamId < y.streamId ? -1 : 1)).flatMap((a) => a.events.map((e) => e.eventId));
  const { rows } = await t.pool.query<{ event_id: string }>(`SELECT event_id::text FROM "${t.schema}".events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`, [ids]);
  expect(rows.map((r) => r.event_id)).toEqual(ids);
  // a second identical append is recognised as a retry (the loop path): nothing written twice
  const again = await t.store.appendMulti(appends.map((a) => ({ ...a, expectedVersion: 'any' as const })));
  expect(again.results.every((r) => r.writtenCount === 0)).toBe(true);
});

test('a conflict on the last of many fresh streams writes none of them', async () => {
  const streams = Array.from({ length: 10 }, (_, i) => stream(`set-conflict-${i}`)).sort();
  await t.store.append(streams[9]!, [newEvent()], 'no_stream');
  const attempt = t.store.appendMulti(streams.map((streamId) => ({ streamId, events: [newEvent()], expectedVersion: 'no_stream' as const })));
  await expect(attempt).rejects.toMatchObject({ streamId: streams[9], actual: 0 });
  for (const streamId of streams.slice(0, 9)) expect(await t.store.readStream(streamId)).toEqual([]);
});

test('markInboxMany records many entries in one statement: true for the fresh ones, false for known ones and for a repeat within the call', async () => {
  const [known, a, b] = [randomUUID(), randomUUID(), randomUUID()].map((messageId) => ({ consumer: 'many-spec', messageId }));
  expect(await t.store.markInbox(known!)).toBe(true);
  expect(await t.store.markInboxMany([a!, known!, b!, a!])).toEqual([true, false, true, false]);
  expect(await t.store.hasInbox(b!)).toBe(true);
  expect(await t.store.markInboxMany([])).toEqual([]);
});

test('an event written around the streams row (a bypassing writer) still meets a typed conflict', async () => {
  const s = stream('bypass');
  await t.pool.query(`INSERT INTO "${t.schema}".events (stream_id, stream_version, event_id, type, data) VALUES ($1, 0, $2, 'Raw', '{}')`, [s, randomUUID()]);
  const attempt = t.store.append(s, [newEvent()], 'no_stream');
  await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
  await expect(attempt).rejects.toMatchObject({ streamId: s, actual: 0 });
});

describe('wake-ups', () => {
  const LIVE_DELIVERY_MS = 200;

  async function deliveryLatencyMs(appendOne: (s: string) => Promise<unknown>): Promise<number> {
    const s = stream('wake');
    const seenAt: number[] = [];
    const subscription = t.store.subscribe({
      from: await t.store.headCheckpoint(),
      pollIntervalMs: 60_000,
      handler: async (batch: RecordedEvent[]) => {
        if (batch.some((e) => e.streamId === s)) seenAt.push(performance.now());
      },
    });
    try {
      await sleep(300);
      // Best of a few: another test's open write transaction can hold one delivery back.
      const latencies: number[] = [];
      for (let attempt = 0; attempt < 3 && !latencies.some((ms) => ms < LIVE_DELIVERY_MS); attempt += 1) {
        const appendedAt = performance.now();
        await appendOne(s);
        await waitFor(() => seenAt.length === attempt + 1, 5_000, 'a woken delivery');
        latencies.push(seenAt[attempt]! - appendedAt);
      }
      return Math.min(...latencies);
    } finally {
      await subscription.stop();
    }
  }

  test("after COMMIT of the store's own withTransaction", async () => {
    const latency = await deliveryLatencyMs((s) => t.store.withTransaction((client) => t.store.appendInTransaction(client, [{ streamId: s, events: [newEvent()], expectedVersion: 'any' }])));
    expect(latency).toBeLessThan(LIVE_DELIVERY_MS);
  });

  test('from inside a transaction the store does not own', async () => {
    const latency = await deliveryLatencyMs(async (s) => {
      const client = await t.pool.connect();
      try {
        await client.query('BEGIN');
        await t.store.appendInTransaction(client, [{ streamId: s, events: [newEvent()], expectedVersion: 'any' }]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    expect(latency).toBeLessThan(LIVE_DELIVERY_MS);
  });
});

test('headCheckpoint covers an append that committed while an older transaction was still open', async () => {
  const older = await t.pool.connect();
  try {
    await older.query('BEGIN');
    await older.query('SELECT pg_current_xact_id()'); // takes the lower xid, holds back the horizon
    const s = stream('head');
    await t.store.append(s, [newEvent()], 'no_stream');
    const head = t.store.headCheckpoint();
    await sleep(100);
    await older.query('COMMIT');
    const [appended] = await t.store.readStream(s);
    expect(await head).toEqual(appended!.checkpoint);
  } finally {
    older.release();
  }
});
