// Poison messages: after N failed attempts a message goes to `<topic>.dlq` with headers saying why
// and where from, the partition moves on, and the DLQ CLI lists it and replays it to the original
// topic, where the (now fixed) consumer applies it exactly once.
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { dlqTopicFor, topicFor } from '@billing/contracts';
import { testKafkaBrokers, uniqueName } from '@billing/testing';
import { runDlqCli } from '../cli/dlq.js';
import { testKafkaBus, testLogger } from '../__fixtures__/buses.js';
import { appendDeposits, mapper } from '../__fixtures__/domain.js';
import { openTestService, type TestService } from '../__fixtures__/service-store.js';
import { exactlyOnce, waitFor } from '../__fixtures__/wait.js';
import { kafkaCleanup } from '../__fixtures__/kafka-cleanup.js';
import type { DlqEntry } from './dlq-admin.js';
import type { KafkaBus } from './kafka-bus.js';
import { SafeProducer } from './producer.js';

jest.setTimeout(90_000);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const brokers = testKafkaBrokers().join(',');

const cleanup = kafkaCleanup();
afterAll(() => cleanup.run());

let producer: TestService;
let consumer: TestService;
let bus: KafkaBus;

beforeEach(async () => {
  producer = await openTestService('dlq_prod');
  consumer = await openTestService('dlq_cons');
  bus = testKafkaBus();
});

afterEach(async () => {
  await bus.close();
  await producer.drop();
  await consumer.drop();
});

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDlqCli([...args, '--brokers', brokers, '--timeout-ms', '20000'], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: {},
  });
  return { code, out, err };
}

async function listJson(topic: string): Promise<DlqEntry[]> {
  const { code, out, err } = await cli('list', '--topic', topic, '--json');
  expect({ code, err }).toEqual({ code: 0, err: [] });
  return out.map((line) => JSON.parse(line) as DlqEntry);
}

it('dead-letters a message after N attempts, and the CLI replays it once the handler is fixed', async () => {
  const service = uniqueName('dlq').replace(/_/g, '-');
  const topic = cleanup.topic(topicFor(service));
  const group = cleanup.group(uniqueName('grp'));
  const ids = await appendDeposits(producer.store, 5, 1); // one aggregate: one partition, in order
  const poison = ids[2]!;
  let fixed = false;
  let poisonAttempts = 0;
  const effect = consumer.effectHandler();
  await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
  const handle = await bus.consume({
    group,
    topics: [topic],
    store: consumer.store,
    checkpoints: consumer.store.checkpoints,
    maxAttempts: 3,
    handler: async (event, context) => {
      if (event.eventId === poison && !fixed) {
        poisonAttempts += 1;
        throw new Error(`cannot apply ${event.eventId}`);
      }
      await effect(event, context);
    },
  });

  // The poison message does not block the partition: the two events behind it are applied.
  await waitFor(async () => handle.status(), (s) => s.handled === 4 && s.deadLettered === 1, { what: 'dead letter' });
  expect(poisonAttempts).toBe(3);
  expect([...(await consumer.effectCounts()).keys()].sort()).toEqual(ids.filter((id) => id !== poison).sort());

  cleanup.group(`${dlqTopicFor(topic)}.replay`);
  const [letter, ...others] = await listJson(topic);
  expect(others).toEqual([]);
  expect(letter).toMatchObject({
    eventId: poison,
    eventType: 'test.Deposited',
    key: 'acct-0',
    replayed: false,
    deadLetter: {
      originalTopic: topic,
      originalOffset: '2',
      group,
      attempts: 3,
      error: `cannot apply ${poison}`,
    },
  });
  expect(Number.isInteger(letter?.deadLetter?.originalPartition)).toBe(true);

  fixed = true;
  const replay = await cli('replay', '--topic', topic);
  expect(replay).toMatchObject({ code: 0, err: [] });
  expect(replay.out.at(-1)).toBe(`replayed 1 dead letter(s) from ${dlqTopicFor(topic)}`);
  await waitFor(() => consumer.effectCounts(), (c) => c.size === 5, { what: 'the replayed effect' });
  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });

  // Replayed records are marked, and a second plain replay has nothing left to do.
  expect((await listJson(topic)).map((entry) => entry.replayed)).toEqual([true]);
  expect((await cli('replay', '--topic', topic)).out.at(-1)).toBe(`replayed 0 dead letter(s) from ${dlqTopicFor(topic)}`);

  // The real entry point, as an operator runs it.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['tools/run-ts.mjs', 'libs/platform/messaging/src/cli/dlq.ts', 'list', '--topic', topic, '--brokers', brokers],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 30_000 },
  );
  expect(stdout).toContain(poison);
  expect(stdout).toContain(`1 dead letter(s) in ${dlqTopicFor(topic)}`);
});

it('dead-letters an undecodable message at once, without retrying it', async () => {
  const service = uniqueName('garbage').replace(/_/g, '-');
  const topic = cleanup.topic(topicFor(service));
  const group = cleanup.group(uniqueName('grp'));
  const [id] = await appendDeposits(producer.store, 1);
  let calls = 0;
  const effect = consumer.effectHandler();
  const handle = await bus.consume({
    group,
    topics: [topic],
    store: consumer.store,
    checkpoints: consumer.store.checkpoints,
    handler: async (event, context) => {
      calls += 1;
      await effect(event, context);
    },
  });
  const kafka = new Kafka({ clientId: 'garbage', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const raw = new SafeProducer(kafka, testLogger);
  await raw.send(topic, [{ key: 'acct-0', value: 'not json', headers: { 'event-id': 'x' } }]);
  await raw.close();
  await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });

  await waitFor(async () => handle.status(), (s) => s.handled === 1 && s.deadLettered === 1, { what: 'both messages' });
  expect(calls).toBe(1);
  expect(await consumer.effectCounts()).toEqual(new Map([[id, 1]]));
  const [letter] = await listJson(topic);
  expect(letter?.deadLetter).toMatchObject({ attempts: 1, error: expect.stringContaining('not JSON') });
});
