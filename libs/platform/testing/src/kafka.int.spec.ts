// The run's Kafka broker (KAFKA_BROKERS, a container or the local KRaft one): produce + consume.
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createTopics, deleteTopics, testKafkaBrokers, uniqueName } from './index.js';

describe('the provisioned Kafka broker', () => {
  const topic = uniqueName('testing_kafka');
  const kafka = new Kafka({ clientId: 'testing-spec', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    await createTopics(testKafkaBrokers(), [topic], 3);
  });
  afterAll(async () => {
    await consumer?.disconnect();
    await deleteTopics(testKafkaBrokers(), [topic]);
  });

  it('creates topics with the requested partitions', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0]?.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('accepts a produce and delivers it to a consumer group', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'agent-1', value: JSON.stringify({ type: 'FundsDeposited', amount: '10.000000' }) },
        { key: 'agent-2', value: JSON.stringify({ type: 'FundsDeposited', amount: '2.500000' }) },
      ],
    });
    await producer.disconnect();

    // A short fetch long-poll keeps disconnect() fast (kafkajs waits for the poll in flight).
    consumer = kafka.consumer({ groupId: uniqueName('testing_group'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} of 2 messages consumed`)), 30_000);
      void consumer?.run({
        eachMessage: async ({ message }) => {
          received.push({ key: String(message.key), value: String(message.value) });
          if (received.length === 2) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    expect(received.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'agent-1', value: '{"type":"FundsDeposited","amount":"10.000000"}' },
      { key: 'agent-2', value: '{"type":"FundsDeposited","amount":"2.500000"}' },
    ]);
  });

  it('deleteTopics removes topics and ignores unknown ones', async () => {
    const extra = uniqueName('testing_extra');
    await createTopics(testKafkaBrokers(), [extra]);
    await deleteTopics(testKafkaBrokers(), [extra, uniqueName('never_created')]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain(extra);
    } finally {
      await admin.disconnect();
    }
  });
});
