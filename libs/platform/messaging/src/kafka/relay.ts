// The relay (docs/ARCHITECTURE.md, Messaging): the producing service's event store is the outbox. Events are read in
// global order from the relay's checkpoint, mapped to integration events and produced to the
// service's topic; the checkpoint is saved only after the broker acknowledged the whole batch, so
// a crash or a broker outage can repeat events (the consumers' inbox absorbs that) but never skip one.
import { compareCheckpoints, type Checkpoint, type RecordedEvent, type Subscription } from '@billing/event-store';
import { topicFor } from '@billing/contracts';
import { AbortedError, backoffDelayMs, pause, type BackoffPolicy } from '../backoff.js';
import type { RelayHandle, RelayOptions, RelayStatus } from '../bus.js';
import { errorMessage, type MessagingLogger } from '../logger.js';
import { encodeEvent, type WireMessage } from '../wire.js';
import type { SafeProducer } from './producer.js';

export interface RelaySettings {
  batchSize: number;
  pollIntervalMs: number;
  /** tries per batch before the batch is handed back to the subscription, which retries it. */
  maxAttemptsPerBatch: number;
  backoff: BackoffPolicy;
  ensureTopic: (topic: string) => Promise<void>;
}

export class KafkaRelay implements RelayHandle {
  readonly topic: string;
  private readonly checkpointName: string;
  private readonly abort = new AbortController();
  private subscription: Subscription | undefined;
  private topicReady = false;
  private published = 0;
  private lastError: string | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly options: RelayOptions,
    private readonly settings: RelaySettings,
    private readonly producer: SafeProducer,
    private readonly logger: MessagingLogger,
  ) {
    this.topic = topicFor(options.service);
    this.checkpointName = options.checkpointName ?? `relay:${this.topic}`;
    if (!(settings.batchSize >= 1 && settings.batchSize <= 10_000)) throw new Error(`batchSize out of range: ${settings.batchSize}`);
    if (!(settings.maxAttemptsPerBatch >= 1)) throw new Error('maxAttemptsPerBatch must be ≥ 1');
  }

  static async start(
    options: RelayOptions,
    settings: RelaySettings,
    producer: SafeProducer,
    logger: MessagingLogger,
  ): Promise<KafkaRelay> {
    const relay = new KafkaRelay(options, settings, producer, logger);
    const from = await relay.loadCheckpoint();
    relay.subscription = options.store.subscribe({
      from,
      batchSize: settings.batchSize,
      pollIntervalMs: settings.pollIntervalMs,
      // After our own attempts gave up, the subscription retries the batch no slower than we do.
      retryDelayMs: Math.max(1, settings.backoff.initialDelayMs),
      maxRetryDelayMs: Math.max(1, settings.backoff.maxDelayMs),
      handler: (events, checkpoint) => relay.publish(events, checkpoint),
      onError: (error) => {
        if (error instanceof AbortedError) return;
        logger.error(`relay ${relay.topic} batch failed, retrying: ${errorMessage(error)}`, { topic: relay.topic });
      },
    });
    logger.info(`relay ${relay.topic} started`, { topic: relay.topic, from: `${from.transactionId}:${from.position}` });
    return relay;
  }

  status(): RelayStatus {
    return { topic: this.topic, published: this.published, lastError: this.lastError };
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    // Abort first: a batch waiting out a backoff gives up at once instead of holding the stop.
    this.abort.abort();
    await this.subscription?.stop();
    await this.producer.close();
    this.logger.info(`relay ${this.topic} stopped`, { topic: this.topic, published: this.published });
  }

  private loadCheckpoint(): Promise<Checkpoint> {
    return this.options.checkpoints.load(this.checkpointName);
  }

  private async publish(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    const last = events[events.length - 1];
    if (last && compareCheckpoints(checkpoint, last.checkpoint) < 0) {
      throw new Error(`subscription checkpoint ${String(checkpoint.position)} is behind its own batch`);
    }
    // Mapping is pure: a failure here is a bug in the mapper. The subscription retries the batch
    // (logged through onError) until a fixed mapper is deployed; the event is never skipped.
    let messages: WireMessage[];
    try {
      messages = this.map(events);
    } catch (error) {
      this.lastError = errorMessage(error);
      throw error;
    }
    let sent = messages.length === 0;
    for (let attempt = 1; ; attempt += 1) {
      if (this.abort.signal.aborted) throw new AbortedError();
      try {
        if (!sent) {
          await this.ensureTopic();
          await this.producer.send(this.topic, messages);
          sent = true;
        }
        await this.options.checkpoints.save(this.checkpointName, checkpoint);
        this.published += messages.length;
        this.lastError = undefined;
        return;
      } catch (error) {
        this.lastError = errorMessage(error);
        this.logger.warn(`relay ${this.topic} attempt ${attempt} failed: ${this.lastError}`, {
          topic: this.topic,
          attempt,
          sent,
          events: events.length,
        });
        if (attempt >= this.settings.maxAttemptsPerBatch) throw error;
        await pause(backoffDelayMs(this.settings.backoff, attempt), { signal: this.abort.signal });
      }
    }
  }

  private map(events: readonly RecordedEvent[]): WireMessage[] {
    const messages: WireMessage[] = [];
    for (const event of events) {
      try {
        const integration = this.options.mapper(event);
        if (integration !== null) messages.push(encodeEvent(integration));
      } catch (error) {
        throw new Error(`relay ${this.topic}: cannot map event ${event.eventId} (${event.type}): ${errorMessage(error)}`, {
          cause: error,
        });
      }
    }
    return messages;
  }

  private async ensureTopic(): Promise<void> {
    if (this.topicReady) return;
    await this.settings.ensureTopic(this.topic);
    this.topicReady = true;
  }
}
