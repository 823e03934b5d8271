// The standalone transport against real PostgreSQL: the same guarantees as Kafka — every event has
// its effect exactly once, also when events are delivered again (lost checkpoint, a consumer
// stopped in the middle of a batch), poison events become dead letters that can be replayed.
import { jest } from '@jest/globals';
import { topicFor } from '@billing/contracts';
import { uniqueName } from '@billing/testing';
import { createIntegrationBus } from '../create-bus.js';
import { testInProcessBus } from '../__fixtures__/buses.js';
import { appendDeposits, mapper } from '../__fixtures__/domain.js';
import { openTestService, type TestService } from '../__fixtures__/service-store.js';
import { exactlyOnce, waitFor } from '../__fixtures__/wait.js';
import type { ConsumeOptions, IntegrationHandler } from '../bus.js';
import { listDeadLetters } from './dead-letters.js';
import { InProcessBus } from './in-process-bus.js';

jest.setTimeout(60_000);

let producer: TestService;
let consumer: TestService;
let bus: InProcessBus;
let service: string;
let topic: string;

beforeEach(async () => {
  producer = await openTestService('inproc_prod');
  consumer = await openTestService('inproc_cons');
  bus = testInProcessBus();
  service = uniqueName('inproc').replace(/_/g, '-');
  topic = topicFor(service);
});

afterEach(async () => {
  await bus.close();
  await producer.drop();
  await consumer.drop();
});

function consumeOptions(group: string, handler: IntegrationHandler, extra: Partial<ConsumeOptions> = {}): ConsumeOptions {
  return { group, topics: [topic], store: consumer.store, checkpoints: consumer.store.checkpoints, handler, ...extra };
}

function startSource() {
  return bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
}

it('is what createIntegrationBus picks without brokers', () => {
  expect(createIntegrationBus({ clientId: 'x', brokers: ' , ' }).transport).toBe('in-process');
  expect(createIntegrationBus({ clientId: 'x', brokers: '127.0.0.1:1' }).transport).toBe('kafka');
});

it('applies each event exactly once, also when the consumer loses its checkpoint and reads everything again', async () => {
  const group = uniqueName('grp');
  const before = await appendDeposits(producer.store, 30);
  await startSource();
  const first = await bus.consume(consumeOptions(group, consumer.effectHandler()));
  const after = await appendDeposits(producer.store, 20); // live events, woken by NOTIFY
  const ids = [...before, ...after];
  await waitFor(() => consumer.effectCounts(), (c) => c.size === ids.length, { what: 'all effects' });
  await first.stop();

  await consumer.store.checkpoints.reset(`${group}:${topic}`);
  const second = await bus.consume(consumeOptions(group, consumer.effectHandler()));
  await waitFor(async () => second.status().duplicates, (n) => n === ids.length, { what: 'every event again' });
  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
  expect(second.status().handled).toBe(0);
});

it('waits for a producer that registers after the consumer started', async () => {
  const group = uniqueName('grp');
  const handle = await bus.consume(consumeOptions(group, consumer.effectHandler()));
  const ids = await appendDeposits(producer.store, 5);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(handle.status().handled).toBe(0);
  await startSource();
  await waitFor(() => consumer.effectCounts(), (c) => c.size === ids.length, { what: 'effects once the source exists' });
});

it('resumes a consumer stopped in the middle of a batch with no loss and no double effect', async () => {
  const group = uniqueName('grp');
  const ids = await appendDeposits(producer.store, 100);
  await startSource();
  let applied = 0;
  let stopping: Promise<void> | undefined;
  const doomed = await bus.consume(
    consumeOptions(
      group,
      consumer.effectHandler({
        afterCommit: async () => {
          applied += 1;
          // Stop while the 100-event batch is half done: its checkpoint must not move.
          if (applied === 30) stopping = doomed.stop();
        },
      }),
    ),
  );
  await waitFor(async () => applied, (n) => n >= 30, { what: 'the stop' });
  await stopping;
  expect((await consumer.effectCounts()).size).toBe(30);

  const replacement = await bus.consume(consumeOptions(group, consumer.effectHandler()));
  await waitFor(() => consumer.effectCounts(), (c) => c.size === ids.length, { what: 'the rest' });
  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
  expect(replacement.status()).toMatchObject({ handled: 70, duplicates: 30 });
});

it('records a poison event as a dead letter after N attempts and replays it once fixed', async () => {
  const group = uniqueName('grp');
  const ids = await appendDeposits(producer.store, 4);
  const poison = ids[1]!;
  let fixed = false;
  let attempts = 0;
  const effect = consumer.effectHandler();
  await startSource();
  const handle = await bus.consume(
    consumeOptions(
      group,
      async (event, context) => {
        if (event.eventId === poison && !fixed) {
          attempts += 1;
          throw new Error('cannot apply');
        }
        await effect(event, context);
      },
      { maxAttempts: 3 },
    ),
  );
  await waitFor(async () => handle.status(), (s) => s.handled === 3 && s.deadLettered === 1, { what: 'dead letter' });
  expect(attempts).toBe(3);
  const letters = await listDeadLetters(consumer.store, group);
  expect(letters).toEqual([
    expect.objectContaining({ group, topic, attempts: 3, error: 'cannot apply', event: expect.objectContaining({ eventId: poison }) }),
  ]);

  fixed = true;
  expect(await bus.replayDeadLetters(group)).toEqual({ handled: 1, duplicates: 0, failed: 0 });
  expect(await bus.replayDeadLetters(group)).toEqual({ handled: 0, duplicates: 1, failed: 0 });
  expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
});
