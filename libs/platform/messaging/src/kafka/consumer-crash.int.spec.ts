// A consumer instance killed (SIGKILL, in a child process) in the middle of a batch: a new member
// of the same group takes over its partitions and every event has its effect exactly once — none
// lost (killed inside the effect's transaction) and none doubled (killed after the effect
// committed but before its offset was).
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { topicFor } from '@billing/contracts';
import { uniqueName } from '@billing/testing';
import { testKafkaBus } from '../__fixtures__/buses.js';
import { appendDeposits, mapper } from '../__fixtures__/domain.js';
import { openTestService, type TestService } from '../__fixtures__/service-store.js';
import { exactlyOnce, waitFor } from '../__fixtures__/wait.js';
import { kafkaCleanup } from '../__fixtures__/kafka-cleanup.js';
import type { KafkaBus } from './kafka-bus.js';

jest.setTimeout(90_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../../..');
const EVENTS = 100;
const DIE_AFTER = 30;

const cleanup = kafkaCleanup();
afterAll(() => cleanup.run());

let producer: TestService;
let consumer: TestService;
let bus: KafkaBus;

beforeEach(async () => {
  producer = await openTestService('crash_prod');
  consumer = await openTestService('crash_cons');
  bus = testKafkaBus();
});

afterEach(async () => {
  await bus.close();
  await producer.drop();
  await consumer.drop();
});

/** Runs the crash-consumer fixture until it kills itself; resolves with how it ended. */
function runDoomedConsumer(env: Record<string, string>): Promise<{ signal: string | null; output: string }> {
  const child = spawn(process.execPath, ['tools/run-ts.mjs', path.join(here, '../__fixtures__/crash-consumer.ts')], {
    cwd: root,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`doomed consumer did not die within 60 s:\n${output}`));
    }, 60_000);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, output });
    });
  });
}

it.each(['after-commit', 'in-transaction'])('a consumer killed mid-batch (%s) is replaced with no loss and no double effect', async (point) => {
  const service = uniqueName('crash').replace(/_/g, '-');
  const topic = cleanup.topic(topicFor(service));
  const group = cleanup.group(uniqueName('grp'));
  const ids = await appendDeposits(producer.store, EVENTS, 7);
  const relay = await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
  await waitFor(async () => relay.status().published, (n) => n === EVENTS, { what: 'relay to publish' });

  const doomed = await runDoomedConsumer({
    CRASH_SCHEMA: consumer.schema,
    CRASH_TOPIC: topic,
    CRASH_GROUP: group,
    CRASH_AFTER: String(DIE_AFTER),
    CRASH_POINT: point,
  });
  expect({ signal: doomed.signal, output: doomed.output }).toMatchObject({ signal: 'SIGKILL' });
  const committedBeforeDeath = (await consumer.effectCounts()).size;
  expect(committedBeforeDeath).toBe(point === 'after-commit' ? DIE_AFTER : DIE_AFTER - 1);

  // The replacement waits until the broker expires the dead member's session, then takes over.
  const replacement = await bus.consume({
    group,
    topics: [topic],
    store: consumer.store,
    checkpoints: consumer.store.checkpoints,
    handler: consumer.effectHandler(),
  });
  await waitFor(() => consumer.effectCounts(), (c) => c.size >= EVENTS, { timeoutMs: 60_000, what: 'all effects' });
  await waitFor(async () => replacement.status(), (s) => s.handled + s.duplicates >= EVENTS - committedBeforeDeath, {
    what: 'replacement to see the rest',
  });

  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
  // The dead instance had applied effects whose offsets were never committed: the replacement got
  // them again and its inbox turned them away. Without redeliveries this test would prove nothing.
  expect(replacement.status().duplicates).toBeGreaterThan(0);
  expect(replacement.status().handled).toBe(EVENTS - committedBeforeDeath);
});
