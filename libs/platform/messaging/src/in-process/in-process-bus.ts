// The standalone transport (docs/ARCHITECTURE.md, Shape): no broker. "Publishing" registers the producing service's
// event store and mapper as the source of its topic; each consumer subscribes to that store itself.
// Same guarantees as Kafka: at-least-once, checkpointed (in the consumer's checkpoint store),
// deduplicated by the consumer's inbox, bounded retries, then a dead letter.
import { topicFor, type IntegrationEvent } from '@billing/contracts';
import type {
  BusHealth,
  ConsumeOptions,
  ConsumerHandle,
  ConsumerStatus,
  IntegrationBus,
  RelayHandle,
  RelayOptions,
} from '../bus.js';
import { consoleLogger, errorMessage, type MessagingLogger } from '../logger.js';
import { DEFAULTS, deliveryPolicy, type DeliveryDefaults } from '../settings.js';
import { listDeadLetters } from './dead-letters.js';
import { InProcessTopicConsumer, type TopicConsumerCounters } from './in-process-consumer.js';
import { SourceRegistry } from './sources.js';

export interface InProcessBusOptions {
  logger?: MessagingLogger;
  batchSize?: number;
  pollIntervalMs?: number;
  consumer?: DeliveryDefaults;
}

export interface ReplayReport {
  handled: number;
  duplicates: number;
  failed: number;
}

export class InProcessBus implements IntegrationBus {
  readonly transport = 'in-process' as const;
  private readonly logger: MessagingLogger;
  private readonly sources = new SourceRegistry();
  private readonly groups = new Map<string, { consumers: InProcessTopicConsumer[]; options: ConsumeOptions }>();

  constructor(private readonly options: InProcessBusOptions = {}) {
    this.logger = options.logger ?? consoleLogger('messaging');
  }

  async startRelay(options: RelayOptions): Promise<RelayHandle> {
    const topic = topicFor(options.service);
    this.sources.register({ topic, store: options.store, mapper: options.mapper });
    this.logger.info(`in-process source ${topic} registered`, { topic });
    let stopped = false;
    return {
      // Nothing is copied anywhere: consumers read the producer's store, so "published" = 0.
      status: () => ({ topic, published: 0, lastError: undefined }),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        this.sources.unregister(topic);
      },
    };
  }

  async consume(options: ConsumeOptions): Promise<ConsumerHandle> {
    if (options.topics.length === 0) throw new Error(`consumer ${options.group}: no topics`);
    if (this.groups.has(options.group)) throw new Error(`consumer group ${options.group} is already consuming`);
    const counters: TopicConsumerCounters = { handled: 0, duplicates: 0, deadLettered: 0, lastError: undefined };
    const settings = {
      policy: deliveryPolicy(options, this.options.consumer ?? {}),
      batchSize: this.options.batchSize ?? DEFAULTS.relayBatchSize,
      pollIntervalMs: this.options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    };
    const consumers = [...new Set(options.topics)].map(
      (topic) => new InProcessTopicConsumer(topic, options, settings, counters, this.logger),
    );
    this.groups.set(options.group, { consumers, options });
    for (const consumer of consumers) {
      if (!this.sources.has(consumer.topic)) this.logger.info(`consumer ${options.group} waits for ${consumer.topic}`);
      // Started in the background: in standalone mode the producing module may register later.
      void this.sources
        .whenAvailable(consumer.topic)
        .then((source) => consumer.start(source))
        .catch((error: unknown) => {
          counters.lastError = errorMessage(error);
          this.logger.error(`consumer ${options.group} on ${consumer.topic} could not start: ${counters.lastError}`);
        });
    }
    let stopping: Promise<void> | undefined;
    return {
      status: (): ConsumerStatus => ({ group: options.group, ...counters }),
      stop: () => {
        stopping ??= (async () => {
          this.groups.delete(options.group);
          await Promise.all(consumers.map((consumer) => consumer.stop()));
        })();
        return stopping;
      },
    };
  }

  /** Delivers a group's dead letters again (optionally only some event ids); the inbox skips handled ones. */
  async replayDeadLetters(group: string, eventIds?: readonly string[]): Promise<ReplayReport> {
    const running = this.groups.get(group);
    if (!running) throw new Error(`consumer group ${group} is not running in this process`);
    const wanted = eventIds ? new Set(eventIds) : undefined;
    const report: ReplayReport = { handled: 0, duplicates: 0, failed: 0 };
    for (const letter of await listDeadLetters(running.options.store, group)) {
      if (wanted && !wanted.has(letter.event.eventId)) continue;
      const consumer = running.consumers.find((c) => c.topic === letter.topic);
      if (!consumer) throw new Error(`consumer group ${group} no longer consumes ${letter.topic}`);
      const outcome = await consumer.redeliver(letter.event as IntegrationEvent);
      if (outcome === 'handled') report.handled += 1;
      else if (outcome === 'duplicate') report.duplicates += 1;
      else report.failed += 1;
    }
    return report;
  }

  async health(): Promise<BusHealth> {
    return { transport: 'in-process', ok: true };
  }

  async close(): Promise<void> {
    const groups = [...this.groups.values()];
    this.groups.clear();
    await Promise.all(groups.flatMap((group) => group.consumers.map((consumer) => consumer.stop())));
  }
}
