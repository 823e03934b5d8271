// A consumer group on kafkajs `eachBatch` with manual offsets. A message's offset is resolved only
// after its effect committed (or it was dead-lettered), and offsets are committed every few messages
// and at the end of each batch. A crash at any point therefore redelivers only messages whose
// effect may or may not have happened, and the inbox tells which.
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { dlqTopicFor } from '@billing/contracts';
import { AbortedError, backoffDelayMs } from '../backoff.js';
import type { ConsumeOptions, ConsumerHandle, ConsumerStatus } from '../bus.js';
import { deliver, type DeliveryPolicy } from '../delivery.js';
import { errorMessage, type MessagingLogger } from '../logger.js';
import { decodeEvent } from '../wire.js';
import { deliverWindowed } from '../windowed.js';
import { deadLetterOf } from './dead-letter.js';
import type { SafeProducer } from './producer.js';

export interface KafkaConsumerSettings {
  policy: DeliveryPolicy;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** longest a fetch waits on the broker for new messages. */
  maxWaitTimeMs: number;
  /** partitions processed in parallel by one instance (ordering holds within a partition). */
  partitionsConsumedConcurrently: number;
  /** commit resolved offsets at least every N messages inside a batch. */
  commitEveryMessages: number;
  ensureTopics: (topics: readonly string[]) => Promise<void>;
}

/** Relaunch pacing when kafkajs itself gives up on a crashed consumer (non-retriable error). */
const RELAUNCH_BACKOFF = { initialDelayMs: 1_000, maxDelayMs: 30_000, multiplier: 2 };

const FIRST_LAUNCH_ATTEMPTS = 6;

export class KafkaIntegrationConsumer implements ConsumerHandle {
  private readonly abort = new AbortController();
  private current: Consumer | undefined;
  private relaunchTimer: NodeJS.Timeout | undefined;
  private relaunches = 0;
  private handled = 0;
  private duplicates = 0;
  private deadLettered = 0;
  private lastError: string | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumeOptions,
    private readonly settings: KafkaConsumerSettings,
    private readonly dlq: SafeProducer,
    private readonly logger: MessagingLogger,
  ) {}

  /** Resolves once the group is joined; rejects when the first connection fails. */
  static async start(
    kafka: Kafka,
    options: ConsumeOptions,
    settings: KafkaConsumerSettings,
    dlq: SafeProducer,
    logger: MessagingLogger,
  ): Promise<KafkaIntegrationConsumer> {
    assertSettings(settings, options);
    await settings.ensureTopics([...options.topics, ...options.topics.map(dlqTopicFor)]);
    const self = new KafkaIntegrationConsumer(kafka, options, settings, dlq, logger);
    // Bounded: topics created a moment ago (by this or another process) can answer
    // UNKNOWN_TOPIC_OR_PARTITION to the first metadata request while their leaders are elected.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await self.launch();
        break;
      } catch (error) {
        if (attempt >= FIRST_LAUNCH_ATTEMPTS) throw error;
        logger.warn(`consumer ${options.group} could not join yet (attempt ${attempt}/${FIRST_LAUNCH_ATTEMPTS}): ${errorMessage(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
    logger.info(`consumer ${options.group} started`, { group: options.group, topics: options.topics });
    return self;
  }

  private async launch(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.group,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: this.settings.heartbeatIntervalMs,
      // The fetch long-poll bounds how long stop() and a rebalance wait (kafkajs default 5 s).
      maxWaitTimeInMs: this.settings.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      // A crashed run restarts: the unresolved messages are fetched again, nothing is skipped.
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000, restartOnFailure: async () => true },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.lastError = errorMessage(payload.error);
      if (payload.restart) {
        this.logger.warn(`consumer ${this.options.group} crashed, kafkajs restarts it: ${this.lastError}`);
      } else if (consumer === this.current) {
        this.scheduleRelaunch(payload.error);
      }
    });
    this.current = consumer;
    try {
      await consumer.connect();
      // A new group starts at the beginning: every published integration event is delivered.
      await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.onBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /**
   * kafkajs does not restart a consumer that crashed on an error it deems non-retriable; this
   * instance would then sit in its group doing nothing. We start a fresh one, with backoff.
   */
  private scheduleRelaunch(cause: unknown): void {
    if (this.stopping) return;
    this.relaunches += 1;
    const delayMs = backoffDelayMs(RELAUNCH_BACKOFF, this.relaunches);
    this.logger.error(`consumer ${this.options.group} stopped by kafkajs; relaunching in ${delayMs} ms: ${errorMessage(cause)}`);
    this.relaunchTimer = setTimeout(() => void this.relaunch(), delayMs);
  }

  private async relaunch(): Promise<void> {
    this.relaunchTimer = undefined;
    if (this.stopping) return;
    await this.current?.disconnect().catch(() => undefined);
    try {
      await this.launch();
      this.relaunches = 0;
      this.logger.info(`consumer ${this.options.group} relaunched`);
    } catch (error) {
      this.lastError = errorMessage(error);
      this.scheduleRelaunch(error);
    }
  }

  status(): ConsumerStatus {
    return {
      group: this.options.group,
      handled: this.handled,
      duplicates: this.duplicates,
      deadLettered: this.deadLettered,
      lastError: this.lastError,
    };
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    // Abort first: a message waiting out a backoff gives up at once instead of holding the stop.
    this.abort.abort();
    clearTimeout(this.relaunchTimer);
    await this.current?.disconnect();
    this.logger.info(`consumer ${this.options.group} stopped`, { ...this.status() });
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets } = payload;
    const commit = () => commitOffsetsIfNecessary(uncommittedOffsets());
    let sinceCommit = 0;
    try {
      await deliverWindowed(batch.messages, {
        maxInFlight: this.options.maxInFlight ?? 1,
        // the relay keys every message by its aggregate id: one aggregate's messages stay in order
        keyOf: (message) => message.key?.toString('utf8') ?? '',
        deliver: (message) => this.handleMessage(batch.topic, batch.partition, message, heartbeat),
        onDone: (index) => {
          resolveOffset(batch.messages[index]!.offset);
          sinceCommit += 1;
        },
        shouldStop: () => !payload.isRunning() || payload.isStale() || this.abort.signal.aborted,
        tick: async () => {
          if (sinceCommit >= this.settings.commitEveryMessages) {
            sinceCommit = 0;
            await commit();
          }
          await heartbeat();
        },
      });
    } catch (error) {
      // Whatever was resolved had its effect: commit it, then let kafkajs refetch the rest.
      await commit().catch(() => undefined);
      if (error instanceof AbortedError) return;
      this.lastError = errorMessage(error);
      // kafkajs' own errors go back untouched: it recognises a rebalance by their type and rejoins.
      if (error instanceof Error && error.name.startsWith('KafkaJS')) throw error;
      // Ours are wrapped in a plain Error, which kafkajs always treats as retriable (a TypeError,
      // say, would otherwise stop the consumer for good).
      throw new Error(`consumer ${this.options.group} batch ${batch.topic}/${batch.partition} failed: ${this.lastError}`, {
        cause: error,
      });
    }
    await commit();
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const origin = { topic, partition, offset: message.offset };
    const decoded = decodeEvent(message.value, message.headers);
    if (!decoded.ok) {
      // Undecodable: no retry can help, straight to the DLQ.
      await this.deadLetter(message, origin, decoded.error, 1);
      return;
    }
    const outcome = await deliver({
      event: decoded.event,
      group: this.options.group,
      handler: this.options.handler,
      inbox: this.options.store,
      policy: this.settings.policy,
      skipFirstInboxCheck: this.options.inboxInHandler === true,
      signal: this.abort.signal,
      logger: this.logger,
      origin,
      tick: heartbeat,
      tickEveryMs: this.settings.heartbeatIntervalMs,
    });
    if (outcome.kind === 'duplicate') this.duplicates += 1;
    else if (outcome.kind === 'handled') this.handled += 1;
    else await this.deadLetter(message, origin, errorMessage(outcome.error), outcome.attempts);
  }

  private async deadLetter(
    message: KafkaMessage,
    origin: { topic: string; partition: number; offset: string },
    error: string,
    attempts: number,
  ): Promise<void> {
    const dlqTopic = dlqTopicFor(origin.topic);
    const letter = deadLetterOf(message, { ...origin, group: this.options.group, attempts, error, failedAt: new Date() });
    // If this send fails the batch fails, the offset stays unresolved and the message comes back.
    await this.dlq.send(dlqTopic, [letter]);
    this.deadLettered += 1;
    this.logger.error(`consumer ${this.options.group} dead-lettered a message to ${dlqTopic}: ${error}`, {
      ...origin,
      attempts,
    });
  }
}

function assertSettings(settings: KafkaConsumerSettings, options: ConsumeOptions): void {
  if (options.topics.length === 0) throw new Error(`consumer ${options.group}: no topics`);
  if (!/^[a-z][a-z0-9._-]{0,120}$/.test(options.group)) throw new Error(`invalid consumer group "${options.group}"`);
  if (!(settings.partitionsConsumedConcurrently >= 1 && settings.partitionsConsumedConcurrently <= 64)) {
    throw new Error(`partitionsConsumedConcurrently out of range: ${settings.partitionsConsumedConcurrently}`);
  }
  if (!(settings.commitEveryMessages >= 1)) throw new Error('commitEveryMessages must be ≥ 1');
}
