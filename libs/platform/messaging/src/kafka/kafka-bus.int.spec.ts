// The Kafka transport against the real broker: what the relay publishes, and that an effect
// happens exactly once per event even when Kafka delivers a message more than once.
import { jest } from '@jest/globals';
import { Kafka, logLevel } from 'kafkajs';
import { topicFor } from '@billing/contracts';
import { testKafkaBrokers, uniqueName } from '@billing/testing';
import { testKafkaBus } from '../__fixtures__/buses.js';
import { appendDeposits, audited, deposited, mapper } from '../__fixtures__/domain.js';
import { openTestService, type TestService } from '../__fixtures__/service-store.js';
import { exactlyOnce, waitFor } from '../__fixtures__/wait.js';
import { encodeEvent, HEADERS } from '../wire.js';
import type { KafkaBus } from './kafka-bus.js';
import { readTopic } from './read-topic.js';
import { SafeProducer } from './producer.js';
import { testLogger } from '../__fixtures__/buses.js';
import { kafkaCleanup } from '../__fixtures__/kafka-cleanup.js';

// Set per file (it was not applied per Jest project when this was written), and tighter than 120 s.
jest.setTimeout(60_000);

const kafka = new Kafka({ clientId: 'messaging-int', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });

const cleanup = kafkaCleanup();
afterAll(() => cleanup.run());

let producer: TestService;
let consumer: TestService;
let bus: KafkaBus;

beforeEach(async () => {
  producer = await openTestService('msg_prod');
  consumer = await openTestService('msg_cons');
  bus = testKafkaBus();
});

afterEach(async () => {
  await bus.close();
  await producer.drop();
  await consumer.drop();
});

function serviceName(): string {
  return uniqueName('svc').replace(/_/g, '-');
}

describe('relay', () => {
  it('publishes mapped events keyed by aggregate id with the specified headers, skipping internal ones', async () => {
    const service = serviceName();
    const topic = cleanup.topic(topicFor(service));
    const published = deposited('5.250000', { correlationId: 'corr-7', causationId: 'cmd-9' });
    await producer.store.append('acct-42', [published, audited()], 'any');
    const relay = await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
    await waitFor(async () => relay.status().published, (n) => n === 1, { what: 'relay to publish' });

    const records = await readTopic(kafka, topic, { limit: 10, timeoutMs: 10_000 });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.key?.toString()).toBe('acct-42');
    const header = (name: string) => record?.headers?.[name]?.toString();
    expect(header(HEADERS.eventId)).toBe(published.eventId);
    expect(header(HEADERS.eventType)).toBe('test.Deposited');
    expect(header(HEADERS.schemaVersion)).toBe('1');
    expect(header(HEADERS.correlationId)).toBe('corr-7');
    expect(header(HEADERS.causationId)).toBe('cmd-9');
    expect(JSON.parse(record?.value?.toString() ?? '{}')).toMatchObject({
      eventId: published.eventId,
      aggregateId: 'acct-42',
      data: { amount: '5.250000' },
    });

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    expect(offsets).toHaveLength(3); // the configured partition count, not the broker default

    // The checkpoint covers both events (the internal one too) once the broker acknowledged.
    const saved = await producer.store.checkpoints.load(`relay:${topic}`);
    expect(saved).toEqual((await producer.store.readAll({ transactionId: 0n, position: 0n }, 10)).checkpoint);
    await relay.stop();
  });

  it('stops at an event its mapper cannot map, and goes on from it once the mapper is fixed', async () => {
    const service = serviceName();
    const topic = cleanup.topic(topicFor(service));
    const ids = await appendDeposits(producer.store, 3);
    let broken = true;
    const relay = await bus.startRelay({
      service,
      store: producer.store,
      checkpoints: producer.store.checkpoints,
      mapper: (event) => {
        if (broken && event.eventId === ids[1]) throw new Error('mapper bug');
        return mapper(event);
      },
    });
    await waitFor(async () => relay.status().lastError, (e) => e !== undefined, { what: 'the mapper failure' });
    expect(relay.status()).toMatchObject({ published: 0, lastError: expect.stringContaining('mapper bug') });
    broken = false;
    await waitFor(async () => relay.status().published, (n) => n === 3, { what: 'the batch after the fix' });
    const records = await readTopic(kafka, topic, { limit: 10, timeoutMs: 10_000 });
    expect(records.map((r) => r.headers?.[HEADERS.eventId]?.toString())).toEqual(ids);
    expect(await bus.health()).toMatchObject({ transport: 'kafka', ok: true });
  });
});

describe('consumer', () => {
  it('applies each event exactly once, also when the group re-reads the topic from the start', async () => {
    const service = serviceName();
    const topic = cleanup.topic(topicFor(service));
    const group = cleanup.group(uniqueName('grp'));
    const ids = await appendDeposits(producer.store, 60);
    await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
    const consume = () =>
      bus.consume({ group, topics: [topic], store: consumer.store, checkpoints: consumer.store.checkpoints, handler: consumer.effectHandler() });

    const first = await consume();
    await waitFor(() => consumer.effectCounts(), (c) => c.size === ids.length, { what: 'all effects' });
    await first.stop();

    // Forget the group's offsets (deleteGroups: same effect as resetOffsets to earliest, without
    // kafkajs' 5 s detour): Kafka delivers all 60 messages a second time.
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([group]);
    await admin.disconnect();
    const second = await consume();
    await waitFor(async () => second.status().duplicates, (n) => n === ids.length, { what: 'redeliveries' });

    expect(exactlyOnce(await consumer.effectCounts(), ids)).toEqual({ missing: [], doubled: [], unknown: [] });
    expect(second.status().handled).toBe(0);
  });

  it('applies a message that sits twice in the topic once', async () => {
    const service = serviceName();
    const topic = cleanup.topic(topicFor(service));
    const group = cleanup.group(uniqueName('grp'));
    const [id] = await appendDeposits(producer.store, 1);
    const relay = await bus.startRelay({ service, store: producer.store, checkpoints: producer.store.checkpoints, mapper });
    await waitFor(async () => relay.status().published, (n) => n === 1, { what: 'relay to publish' });
    // The same integration event produced again, as a relay crash before its checkpoint would.
    const [recorded] = await producer.store.readAll({ transactionId: 0n, position: 0n }, 1).then((r) => r.events);
    const again = mapper(recorded!);
    const raw = new SafeProducer(kafka, testLogger);
    await raw.send(topic, [encodeEvent(again!), encodeEvent(again!)]);
    await raw.close();

    const handle = await bus.consume({
      group,
      topics: [topic],
      store: consumer.store,
      checkpoints: consumer.store.checkpoints,
      handler: consumer.effectHandler(),
    });
    await waitFor(async () => handle.status(), (s) => s.handled + s.duplicates === 3, { what: 'three deliveries' });
    expect(await consumer.effectCounts()).toEqual(new Map([[id, 1]]));
    expect(handle.status()).toMatchObject({ handled: 1, duplicates: 2 });
  });
});
