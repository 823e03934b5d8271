// The property a bigserial high-water mark breaks (docs/ARCHITECTURE.md, Event store): transaction A takes a lower
// global_position but commits after B. A reader that remembers "highest position seen" reads B,
// moves past A's position, and never sees A. Ours must hold back until A has ended.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CASE_TIMEOUT_MS, readAllUntil, sleep, waitFor } from '../contract/fixtures.js';
import type { RecordedEvent, StreamAppend } from '../port.js';
import { openTestStore, type TestStore } from './test-database.js';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('es_gap');
}, CASE_TIMEOUT_MS);
afterAll(async () => {
  await t.teardown();
}, CASE_TIMEOUT_MS);

function appendOf(streamId: string): StreamAppend {
  return { streamId, events: [{ eventId: randomUUID(), type: 'Charged', data: { amountMicros: 1n } }], expectedVersion: 'no_stream' };
}

async function naiveRead(pool: pg.Pool, schema: string, afterPosition: string): Promise<{ ids: string[]; last: string }> {
  const result = await pool.query<{ event_id: string; global_position: string }>(
    `SELECT event_id::text AS event_id, global_position::text AS global_position FROM "${schema}".events WHERE global_position > $1::bigint ORDER BY global_position`,
    [afterPosition],
  );
  return { ids: result.rows.map((row) => row.event_id), last: result.rows.at(-1)?.global_position ?? afterPosition };
}

test('an event committed out of order is never skipped: readAll and subscribers wait for the older transaction', async () => {
  const { store, pool, schema } = t;
  const streamA = `gap-a-${randomUUID()}`;
  const streamB = `gap-b-${randomUUID()}`;
  const ours = (e: RecordedEvent): boolean => e.streamId === streamA || e.streamId === streamB;
  const from = await store.headCheckpoint();
  const naiveStart = (await naiveRead(pool, schema, '0')).last;

  const delivered: RecordedEvent[] = [];
  const subscription = store.subscribe({ from, pollIntervalMs: 20, handler: async (batch) => void delivered.push(...batch.filter(ours)) });
  const clientA = await pool.connect();
  let aOpen = false;
  try {
    // A begins first and appends: the lower xid and the lower global_position, not yet committed.
    await clientA.query('BEGIN');
    aOpen = true;
    const a = appendOf(streamA);
    await store.appendInTransaction(clientA, [a]);
    // B starts later, appends and commits first.
    const b = appendOf(streamB);
    await store.withTransaction((client) => store.appendInTransaction(client, [b]));
    const [eventA, eventB] = [a.events[0]!, b.events[0]!];

    // The naive reader sees B and moves its high-water mark past A's position.
    const naiveFirst = await naiveRead(pool, schema, naiveStart);
    expect(naiveFirst.ids).toEqual([eventB.eventId]);

    // Ours returns nothing of the two while A is open, and the subscriber delivers nothing.
    expect((await store.readAll(from, 100)).events.filter(ours)).toEqual([]);
    await sleep(300);
    expect(delivered).toEqual([]);
    expect(subscription.checkpoint).toEqual(from);

    await clientA.query('COMMIT');
    aOpen = false;

    // The naive reader never sees A: it is behind its high-water mark.
    const naiveSecond = await naiveRead(pool, schema, naiveFirst.last);
    expect(naiveSecond.ids).toEqual([]);
    const naiveSeen = [...naiveFirst.ids, ...naiveSecond.ids];
    expect(naiveSeen).not.toContain(eventA.eventId);

    // Ours: both, A first (older transaction), none skipped, via readAll and via the subscriber.
    const { events: read } = await readAllUntil(store, from, 100, ours, 2);
    expect(read.map((e) => e.eventId)).toEqual([eventA.eventId, eventB.eventId]);
    const [recordedA, recordedB] = [read[0]!, read[1]!];
    expect(recordedA.checkpoint.position).toBeLessThan(recordedB.checkpoint.position); // A took the lower position…
    expect(recordedA.checkpoint.transactionId).toBeLessThan(recordedB.checkpoint.transactionId); // …and the lower xid
    await waitFor(() => delivered.length === 2, 5_000, 'the subscriber to deliver A and B');
    expect(delivered.map((e) => e.eventId)).toEqual([eventA.eventId, eventB.eventId]);
  } finally {
    if (aOpen) await clientA.query('ROLLBACK');
    clientA.release();
    await subscription.stop();
  }
}, CASE_TIMEOUT_MS);
