// What only the PostgreSQL adapter promises: the database refuses changes to events, appends
// share a transaction with the caller's SQL, the inbox and checkpoint tables, the migration.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import pg from 'pg';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { CASE_TIMEOUT_MS, sleep, waitFor } from '../contract/fixtures.js';
import { START, type NewEvent, type RecordedEvent } from '../port.js';
import { PostgresCheckpointStore } from './checkpoint-store.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { openTestStore, type TestStore } from './test-database.js';

// The root config's project-level testTimeout is not applied by Jest: set ours explicitly.
jest.setTimeout(CASE_TIMEOUT_MS);

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore('es_pg');
});
afterAll(async () => {
  await t.teardown();
});

const newEvent = (data: unknown = {}): NewEvent => ({ eventId: randomUUID(), type: 'Charged', data });
const stream = (label: string): string => `${label}-${randomUUID()}`;

describe('append-only, enforced by the database', () => {
  test.each([
    ['UPDATE', (events: string) => `UPDATE ${events} SET type = 'Tampered'`],
    ['DELETE', (events: string) => `DELETE FROM ${events}`],
    ['TRUNCATE', (events: string) => `TRUNCATE ${events}`],
  ])('%s on events is refused', async (operation, sql) => {
    const s = stream('immutable');
    await t.store.append(s, [newEvent({ amountMicros: 5n })], 'no_stream');
    await expect(t.pool.query(sql(`"${t.schema}".events`))).rejects.toThrow(`events are append-only: ${operation} on ${t.schema}.events refused`);
    const [stored] = await t.store.readStream(s);
    expect(stored).toMatchObject({ type: 'Charged', data: { amountMicros: 5n } });
  });
});

test('bigints are stored in jsonb as tagged decimal strings', async () => {
  const s = stream('jsonb');
  await t.store.append(s, [newEvent({ amountMicros: 123_456_789_012_345_678_901n })], 'no_stream');
  const result = await t.pool.query<{ digits: string }>(`SELECT data->'amountMicros'->>'$bigint' AS digits FROM "${t.schema}".events WHERE stream_id = $1`, [s]);
  expect(result.rows[0]?.digits).toBe('123456789012345678901');
});

describe('appendInTransaction shares the caller transaction', () => {
  beforeAll(async () => {
    await t.pool.query(`CREATE TABLE "${t.schema}".read_model (id text PRIMARY KEY)`);
  });

  test('commits together with the caller SQL', async () => {
    const s = stream('tx-commit');
    await t.store.withTransaction(async (client) => {
      await t.store.appendInTransaction(client, [{ streamId: s, events: [newEvent()], expectedVersion: 'no_stream' }]);
      await client.query(`INSERT INTO "${t.schema}".read_model (id) VALUES ($1)`, [s]);
    });
    expect(await t.store.readStream(s)).toHaveLength(1);
    expect((await t.pool.query(`SELECT 1 FROM "${t.schema}".read_model WHERE id = $1`, [s])).rowCount).toBe(1);
  });

  test('rolls back together with the caller SQL', async () => {
    const s = stream('tx-rollback');
    const work = t.store.withTransaction(async (client) => {
      await t.store.appendInTransaction(client, [{ streamId: s, events: [newEvent()], expectedVersion: 'no_stream' }]);
      await client.query(`INSERT INTO "${t.schema}".read_model (id) VALUES ($1)`, [s]);
      expect(await t.store.markInbox({ consumer: 'projection', messageId: s }, client)).toBe(true);
      throw new Error('projection failed');
    });
    await expect(work).rejects.toThrow('projection failed');
    expect(await t.store.readStream(s)).toEqual([]);
    expect((await t.pool.query(`SELECT 1 FROM "${t.schema}".read_model WHERE id = $1`, [s])).rowCount).toBe(0);
    expect(await t.store.hasInbox({ consumer: 'projection', messageId: s })).toBe(false);
  });
});

test('markInbox records once; hasInbox sees it', async () => {
  const entry = { consumer: 'notifications', messageId: randomUUID() };
  expect(await t.store.hasInbox(entry)).toBe(false);
  expect(await t.store.markInbox(entry)).toBe(true);
  expect(await t.store.markInbox(entry)).toBe(false);
  expect(await t.store.hasInbox(entry)).toBe(true);
  expect(await t.store.hasInbox({ consumer: 'other', messageId: entry.messageId })).toBe(false);
});

test('concurrent redeliveries of one message: exactly one records the inbox entry and writes', async () => {
  const s = stream('inbox-race');
  const inbox = { consumer: 'wallet', messageId: randomUUID() };
  const results = await Promise.all(Array.from({ length: 10 }, () => t.store.append(s, [newEvent()], 'any', { inbox })));
  expect(results.filter((r) => r.writtenCount === 1)).toHaveLength(1);
  expect(results.filter((r) => r.duplicateInbox === true)).toHaveLength(9);
  expect(await t.store.readStream(s)).toHaveLength(1);
});

test('multi-stream appends lock in one order: crossing appendMulti calls do not deadlock', async () => {
  const [x, y] = [stream('lock-x'), stream('lock-y')];
  const crossing = Array.from({ length: 20 }, (_, i) =>
    t.store.appendMulti(
      (i % 2 === 0 ? [x, y] : [y, x]).map((streamId) => ({ streamId, events: [newEvent()], expectedVersion: 'any' as const })),
    ),
  );
  await Promise.all(crossing);
  expect(await t.store.readStream(x)).toHaveLength(20);
  expect(await t.store.readStream(y)).toHaveLength(20);
});

test('an event id already stored in another stream is skipped too (ids are unique store-wide)', async () => {
  const shared = newEvent();
  const [first, second] = [stream('id-a'), stream('id-b')];
  await t.store.append(first, [shared], 'no_stream');
  expect(await t.store.append(second, [shared], 'no_stream')).toEqual({ streamId: second, nextExpectedVersion: -1, writtenCount: 0 });
  expect(await t.store.readStream(second)).toEqual([]);
});

test('invalid appends fail before any write', async () => {
  const s = stream('invalid');
  await expect(t.store.append(s, [{ ...newEvent(), eventId: 'not-a-uuid' }], 'any')).rejects.toThrow('event id must be a uuid');
  const twice = newEvent();
  await expect(t.store.append(s, [twice, twice], 'any')).rejects.toThrow('appears twice');
  await expect(t.store.append(s, [newEvent({ bad: Number.NaN })], 'any')).rejects.toThrow('non-finite number');
  await expect(t.store.append(s, [newEvent()], 1.5)).rejects.toThrow('expected version');
  expect(await t.store.readStream(s)).toEqual([]);
});

test('a killed LISTEN connection is re-established and live delivery resumes', async () => {
  const seen: RecordedEvent[] = [];
  const seenAt: number[] = [];
  const errors: unknown[] = [];
  const s = stream('relisten');
  const listening = async (): Promise<number> =>
    (await t.pool.query('SELECT pid FROM pg_stat_activity WHERE query = $1', [`LISTEN "${t.schema}_events"`])).rowCount ?? 0;
  const subscription = t.store.subscribe({
    from: await t.store.headCheckpoint(),
    pollIntervalMs: 60_000,
    onError: (error) => errors.push(error),
    handler: async (batch) => {
      for (const e of batch.filter((e) => e.streamId === s)) {
        seen.push(e);
        seenAt.push(performance.now());
      }
    },
  });
  try {
    await sleep(300);
    const killed = await t.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [`LISTEN "${t.schema}_events"`]);
    expect(killed.rowCount).toBe(1);
    await waitFor(() => errors.length > 0, 2_000, 'the lost connection to be reported');
    for (let poll = 0; poll < 200 && (await listening()) === 0; poll += 1) await sleep(10);
    expect(await listening()).toBe(1);
    // Best of a few (another test's open write transaction can hold one delivery back); with
    // polling at 60 s any fast delivery proves the new LISTEN connection works.
    const latencies: number[] = [];
    for (let attempt = 0; attempt < 3 && !latencies.some((ms) => ms < 200); attempt += 1) {
      const appendedAt = performance.now();
      await t.store.append(s, [newEvent()], 'any');
      await waitFor(() => seen.length === attempt + 1, 5_000, 'delivery after the restart');
      latencies.push(seenAt[attempt]! - appendedAt);
    }
    expect(Math.min(...latencies)).toBeLessThan(200);
  } finally {
    await subscription.stop();
  }
});

describe('PostgresCheckpointStore', () => {
  test('load gives START for an unknown name; save/load round-trip; reset', async () => {
    const checkpoints = new PostgresCheckpointStore(t.pool, t.schema);
    expect(await checkpoints.load('relay')).toEqual(START);
    const at = { transactionId: 2n ** 40n + 7n, position: 2n ** 62n };
    await checkpoints.save('relay', at);
    expect(await checkpoints.load('relay')).toEqual(at);
    await checkpoints.reset('relay');
    expect(await checkpoints.load('relay')).toEqual(START);
  });

  test('a save inside a rolled back transaction does not stick', async () => {
    const { checkpoints } = t.store;
    await checkpoints.save('projection', { transactionId: 5n, position: 9n });
    const work = t.store.withTransaction(async (client) => {
      await checkpoints.save('projection', { transactionId: 6n, position: 10n }, client);
      throw new Error('read model write failed');
    });
    await expect(work).rejects.toThrow('read model write failed');
    expect(await checkpoints.load('projection')).toEqual({ transactionId: 5n, position: 9n });
  });
});

describe('open', () => {
  test('concurrent opens of one new schema all succeed (advisory lock) and install both triggers once', async () => {
    const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 10 });
    const schema = uniqueName('es_open');
    try {
      const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresEventStore.open({ pool, schema })));
      await PostgresEventStore.open({ pool, schema }); // and again later: idempotent
      const triggers = await pool.query<{ tgname: string }>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY tgname`,
        [`"${schema}".events`],
      );
      expect(triggers.rows.map((row) => row.tgname)).toEqual(['events_append_only_rows', 'events_append_only_truncate']);
      expect(stores.every((store) => store.schema === schema && store.pool === pool)).toBe(true);
      await Promise.all(stores.map((store) => store.close()));
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    }
  });

  test.each(['Wallet', 'pg_wallet', 'wallet;drop', '', '1wallet', 'x'.repeat(51)])('refuses the schema name %j', async (schema) => {
    await expect(PostgresEventStore.open({ pool: t.pool, schema })).rejects.toThrow('invalid schema name');
  });
});
