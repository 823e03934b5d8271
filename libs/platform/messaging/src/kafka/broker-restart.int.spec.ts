// The broker stops (SIGTERM) and comes back while events are being appended and relayed: the
// relay retries without skipping, the consumer group recovers, every event has its effect exactly
// once, and every event is in the topic. Runs on a broker of its own, never the run's shared one.
import { jest } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { topicFor } from '@billing/contracts';
import { compareCheckpoints, START } from '@billing/event-store';
import { testKafkaBus } from '../__fixtures__/buses.js';
import { deposited, mapper } from '../__fixtures__/domain.js';
import { startRestartableKafka, uniqueName, type RestartableKafka } from '@billing/testing';
import { openTestService, type TestService } from '../__fixtures__/service-store.js';
import { exactlyOnce, waitFor } from '../__fixtures__/wait.js';
import { HEADERS } from '../wire.js';
import type { KafkaBus } from './kafka-bus.js';
import { readTopic } from './read-topic.js';

jest.setTimeout(180_000);

const EVENTS = 300;

let broker: RestartableKafka;
let producer: TestService;
let consumer: TestService;
let bus: KafkaBus;

beforeAll(async () => {
  broker = await startRestartableKafka();
  producer = await openTestService('restart_prod');
  consumer = await openTestService('restart_cons');
  bus = testKafkaBus({ brokers: [broker.bootstrap] });
});

afterAll(async () => {
  await bus?.close();
  await producer?.drop();
  await consumer?.drop();
  await broker?.destroy();
});

it('loses nothing and applies nothing twice when the broker restarts while the relay publishes', async () => {
  const service = uniqueName('restart').replace(/_/g, '-');
  const topic = topicFor(service);
  const relay = await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
  const handle = await bus.consume({
    group: uniqueName('grp'),
    topics: [topic],
    store: consumer.store,
    checkpoints: consumer.store.checkpoints,
    handler: consumer.effectHandler(),
  });

  // Appends keep coming during the whole outage, one small transaction at a time.
  const ids: string[] = [];
  const writer = (async () => {
    for (let i = 0; i < EVENTS; i += 1) {
      const event = deposited(`${i}.000000`);
      await producer.store.append(`acct-${i % 11}`, [event], 'any');
      ids.push(event.eventId);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();

  await waitFor(async () => relay.status().published, (n) => n >= 30, { what: 'first events published' });
  await broker.stop();
  // The relay hits the dead broker: it reports the failure and keeps its checkpoint.
  await waitFor(async () => relay.status().lastError, (e) => e !== undefined, { what: 'the relay to notice the outage' });
  const publishedDuringOutage = relay.status().published;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(relay.status().published).toBe(publishedDuringOutage);
  // The saved checkpoint covers exactly the acknowledged events, not the ones stuck in the retry.
  const saved = await producer.store.checkpoints.load(`relay:${topic}`);
  const { events } = await producer.store.readAll(START, 10 * EVENTS);
  expect(events.filter((e) => compareCheckpoints(e.checkpoint, saved) <= 0)).toHaveLength(publishedDuringOutage);
  expect(events.length).toBeGreaterThan(publishedDuringOutage);
  await broker.start();
  await writer;

  await waitFor(() => consumer.effectCounts(), (c) => c.size >= EVENTS, { timeoutMs: 90_000, what: 'all effects after the restart' });
  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
  expect(relay.status().lastError).toBeUndefined();
  expect(handle.status().deadLettered).toBe(0);

  // Every event reached the topic (a retried batch may have put some there twice).
  const kafka = new Kafka({ clientId: 'restart-check', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const records = await readTopic(kafka, topic, { limit: 10 * EVENTS, timeoutMs: 20_000 });
  const inTopic = new Set(records.map((r) => r.headers?.[HEADERS.eventId]?.toString()));
  expect(ids.filter((id) => !inTopic.has(id))).toEqual([]);
});
