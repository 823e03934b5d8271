// The distributed transport: relays publish to Kafka, consumers are kafkajs consumer groups.
import type { Kafka } from 'kafkajs';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff.js';
import type { BusHealth, ConsumeOptions, ConsumerHandle, IntegrationBus, RelayHandle, RelayOptions } from '../bus.js';
import { consoleLogger, errorMessage, type MessagingLogger } from '../logger.js';
import { DEFAULTS, deliveryPolicy, type DeliveryDefaults } from '../settings.js';
import { createKafka, type KafkaConnectionOptions } from './client.js';
import { KafkaIntegrationConsumer } from './consumer.js';
import { SafeProducer } from './producer.js';
import { KafkaRelay } from './relay.js';
import { ensureTopics, type TopicSettings } from './topics.js';

export interface KafkaBusOptions extends KafkaConnectionOptions {
  logger?: MessagingLogger;
  /** partitions of the topics this bus creates (default 6); consumers scale up to it. */
  partitions?: number;
  /** default -1 = the broker's default.replication.factor. */
  replicationFactor?: number;
  relay?: { batchSize?: number; pollIntervalMs?: number; maxAttemptsPerBatch?: number; backoff?: BackoffPolicy };
  consumer?: DeliveryDefaults & {
    sessionTimeoutMs?: number;
    heartbeatIntervalMs?: number;
    maxWaitTimeMs?: number;
    partitionsConsumedConcurrently?: number;
    commitEveryMessages?: number;
  };
}

export class KafkaBus implements IntegrationBus {
  readonly transport = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly topicSettings: TopicSettings;
  private readonly dlqProducer: SafeProducer;
  private readonly handles = new Set<RelayHandle | ConsumerHandle>();

  constructor(private readonly options: KafkaBusOptions) {
    this.logger = options.logger ?? consoleLogger('messaging');
    this.kafka = createKafka(options, this.logger);
    this.topicSettings = { partitions: options.partitions ?? 6, replicationFactor: options.replicationFactor ?? -1 };
    this.dlqProducer = new SafeProducer(this.kafka, this.logger);
  }

  async startRelay(options: RelayOptions): Promise<RelayHandle> {
    const relayDefaults = this.options.relay ?? {};
    const relay = await KafkaRelay.start(
      options,
      {
        batchSize: options.batchSize ?? relayDefaults.batchSize ?? DEFAULTS.relayBatchSize,
        pollIntervalMs: options.pollIntervalMs ?? relayDefaults.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
        maxAttemptsPerBatch: relayDefaults.maxAttemptsPerBatch ?? DEFAULTS.relayMaxAttemptsPerBatch,
        backoff: relayDefaults.backoff ?? DEFAULT_BACKOFF,
        ensureTopic: (topic) => ensureTopics(this.kafka, [topic], this.topicSettings),
      },
      // One producer per relay: a reset after a failed send must not disturb another relay.
      new SafeProducer(this.kafka, this.logger),
      this.logger,
    );
    return this.track(relay);
  }

  async consume(options: ConsumeOptions): Promise<ConsumerHandle> {
    const defaults = this.options.consumer ?? {};
    const consumer = await KafkaIntegrationConsumer.start(
      this.kafka,
      options,
      {
        policy: deliveryPolicy(options, defaults),
        sessionTimeoutMs: defaults.sessionTimeoutMs ?? 30_000,
        heartbeatIntervalMs: defaults.heartbeatIntervalMs ?? 3_000,
        maxWaitTimeMs: defaults.maxWaitTimeMs ?? 1_000,
        // partitions in parallel: their transactions overlap (the wallet group-commits them); order
        // still holds per partition, i.e. per aggregate (the key). Bounded well below pool sizes.
        partitionsConsumedConcurrently: defaults.partitionsConsumedConcurrently ?? 3,
        commitEveryMessages: defaults.commitEveryMessages ?? 50,
        ensureTopics: (topics) => ensureTopics(this.kafka, topics, this.topicSettings),
      },
      this.dlqProducer,
      this.logger,
    );
    return this.track(consumer);
  }

  async health(): Promise<BusHealth> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { transport: 'kafka', ok: true, detail: `${cluster.brokers.length} broker(s)` };
    } catch (error) {
      return { transport: 'kafka', ok: false, detail: errorMessage(error) };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const handles = [...this.handles];
    this.handles.clear();
    const results = await Promise.allSettled(handles.map((handle) => handle.stop()));
    await this.dlqProducer.close();
    const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed.length > 0) throw new AggregateError(failed.map((f) => f.reason), 'some relays or consumers failed to stop');
  }

  /** close() stops whatever is still running; stop() is idempotent, so stopping twice is harmless. */
  private track<H extends RelayHandle | ConsumerHandle>(handle: H): H {
    this.handles.add(handle);
    return handle;
  }
}
