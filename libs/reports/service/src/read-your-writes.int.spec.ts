// The read-your-writes wait asks the reports' inbox about a request's committed event ids (those
// not announced since the process started): one query for all of them, and when the wait gives
// up (the 2 s bound; shorter here) the server cancels it — no lookup is left running behind an
// answered request, e.g. queued behind a lock on the inbox. The bound counts from the call (time
// spent waiting for a connection included), and a wait settled first cancels the running lookup.
import { jest } from '@jest/globals';
import { HandledEvents } from '@billing/messaging';
import { PostgresEventStore, schemaNames } from '@billing/event-store';
import { testDatabaseUrl } from '@billing/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ReportsDatabase } from './infrastructure/reports-database.js';
import { scenarioPerFile } from './__fixtures__/scenario.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

const scenario = scenarioPerFile();

async function inboxLookups(): Promise<{ query: string }[]> {
  const { rows } = await scenario.pool.query<{ query: string }>(
    `SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%' || $1 || '%' AND query LIKE '%message_id%'`,
    [schemaNames(scenario.schema).inbox],
  );
  return rows;
}

it('looks 100 ids up in one query and leaves none running once the wait gave up', async () => {
  const handled = scenario.gateway.app.get(HandledEvents);
  const ids = Array.from({ length: 100 }, () => randomUUID());
  const locker = await scenario.pool.connect();
  try {
    // the inbox locked: a lookup now waits for as long as the lock is held
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${schemaNames(scenario.schema).inbox} IN ACCESS EXCLUSIVE MODE`);
    const waiting = handled.waitFor(ids, 500);
    const running = await waitFor(inboxLookups, (rows) => rows.length > 0, 'the lookup to reach the server');
    expect(running).toHaveLength(1);
    expect(running[0]!.query).toContain('ANY(');
    await expect(waiting).resolves.toBe(false);
    // cancelled by the server at the bound, while the lock is still held
    await waitFor(inboxLookups, (rows) => rows.length === 0, 'the lookup to be cancelled', 2_000);
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    locker.release();
  }
});

it('finds the ids the inbox holds, and only those', async () => {
  const event = await scenario.world.agent('agent-ryw');
  const [entry] = await waitFor(
    async () => (await scenario.pool.query<{ consumer: string }>(`SELECT consumer FROM ${schemaNames(scenario.schema).inbox} WHERE message_id = $1`, [event.eventId])).rows,
    (rows) => rows.length > 0,
    'the event in the inbox',
  );
  const store = scenario.gateway.app.get(ReportsDatabase).store;
  const unknown = randomUUID();
  expect(await store.heldInbox(entry!.consumer, [unknown, event.eventId], { withinMs: 2_000 })).toEqual(new Set([event.eventId]));
  // the answering registry: notified of it, or else asking the inbox
  await expect(scenario.gateway.app.get(HandledEvents).waitFor([event.eventId], 2_000)).resolves.toBe(true);
});

/** The reports' inbox locked for the length of `run` (a lookup then waits for as long as the lock is held). */
async function withInboxLocked(run: () => Promise<void>): Promise<void> {
  const locker = await scenario.pool.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${schemaNames(scenario.schema).inbox} IN ACCESS EXCLUSIVE MODE`);
    await run();
  } finally {
    await locker.query('ROLLBACK').catch(() => undefined);
    locker.release();
  }
}

it('cancels a running lookup once the wait it serves is settled (aborted), long before its own bound', async () => {
  const store = scenario.gateway.app.get(ReportsDatabase).store;
  await withInboxLocked(async () => {
    const settled = new AbortController();
    const lookup = store.heldInbox('reports', [randomUUID()], { withinMs: 30_000, signal: settled.signal });
    const outcome = lookup.then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    );
    await waitFor(inboxLookups, (rows) => rows.length > 0, 'the lookup to reach the server');
    settled.abort();
    // gone from the server while the lock is still held (it waited for its 30 s before)
    await waitFor(inboxLookups, (rows) => rows.length === 0, 'the lookup to be cancelled', 2_000);
    await expect(outcome).resolves.toBe('57014');
  });
});

it('counts the time spent waiting for a connection: none left, the lookup never reaches the server', async () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    const store = await PostgresEventStore.open({ pool, schema: scenario.schema, migrate: false, notify: false });
    await withInboxLocked(async () => {
      const busy = await pool.connect();
      const lookup = store.heldInbox('reports', [randomUUID()], { withinMs: 300 });
      const outcome = lookup.then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
      // the only connection is busy for longer than the bound
      await new Promise((resolve) => setTimeout(resolve, 500));
      busy.release();
      let seen = 0;
      let settled = false;
      void outcome.finally(() => (settled = true));
      // until it settles (at once with the fix; after a further 300 ms on the server before)
      while (!settled) {
        seen = Math.max(seen, (await inboxLookups()).length);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen).toBe(0);
      await expect(outcome).resolves.toBe('57014');
    });
  } finally {
    await pool.end();
  }
});
