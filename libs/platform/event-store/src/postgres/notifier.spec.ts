// CommitNotifier: a burst of commits costs one or two NOTIFYs, and a commit made while a NOTIFY is
// in flight still gets one sent after it (never lost to the coalescing).
import type pg from 'pg';
import { CommitNotifier, NOTIFY_MIN_INTERVAL_MS } from './notifier.js';
import { schemaNames } from './schema-names.js';

function fakePool(): { pool: pg.Pool; sent: number[]; release: () => void } {
  const sent: number[] = [];
  let release: () => void = () => undefined;
  const pool = {
    query: () => {
      sent.push(performance.now());
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  } as unknown as pg.Pool;
  return { pool, sent, release: () => release() };
}

test('a burst during one NOTIFY in flight is coalesced into one more, sent no sooner than the interval', async () => {
  const { pool, sent, release } = fakePool();
  const notifier = new CommitNotifier(pool, schemaNames('spec'));
  notifier.request();
  expect(sent).toHaveLength(1); // the first wake-up after a quiet spell goes at once
  for (let i = 0; i < 100; i += 1) notifier.request();
  expect(sent).toHaveLength(1);
  release();
  await new Promise((resolve) => setTimeout(resolve, NOTIFY_MIN_INTERVAL_MS * 4));
  expect(sent).toHaveLength(2);
  expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(NOTIFY_MIN_INTERVAL_MS - 1);
  release();
  await notifier.flushed();
  expect(sent).toHaveLength(2);
});

test('a failed NOTIFY is dropped (polling covers it) and does not stop later ones', async () => {
  let calls = 0;
  const pool = { query: () => (calls += 1) === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve() } as unknown as pg.Pool;
  const notifier = new CommitNotifier(pool, schemaNames('spec'));
  notifier.request();
  await notifier.flushed();
  notifier.request();
  await notifier.flushed();
  expect(calls).toBe(2);
});
