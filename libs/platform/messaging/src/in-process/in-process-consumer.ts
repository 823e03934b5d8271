// Standalone-mode consumer: subscribes directly to the producing service's event store, from a
// checkpoint kept in the consuming service's own checkpoint store, maps with the producer's mapper
// and delivers through the same inbox dedupe and retry policy as the Kafka consumer. The checkpoint
// moves after the whole batch was delivered, so a crash redelivers (and the inbox absorbs) a batch.
import { MAX_READ_ALL_LIMIT, type Checkpoint, type RecordedEvent, type Subscription } from '@billing/event-store';
import type { IntegrationEvent } from '@billing/contracts';
import { AbortedError } from '../backoff.js';
import type { ConsumeOptions } from '../bus.js';
import { deliver, type DeliveryPolicy } from '../delivery.js';
import { errorMessage, type MessagingLogger } from '../logger.js';
import { decodeEvent, encodeEvent } from '../wire.js';
import { deliverWindowed } from '../windowed.js';
import { recordDeadLetter } from './dead-letters.js';
import type { Source } from './sources.js';

export interface TopicConsumerSettings {
  policy: DeliveryPolicy;
  batchSize: number;
  pollIntervalMs: number;
}

export interface TopicConsumerCounters {
  handled: number;
  duplicates: number;
  deadLettered: number;
  lastError: string | undefined;
}

export class InProcessTopicConsumer {
  private readonly abort = new AbortController();
  private subscription: Subscription | undefined;
  readonly checkpointName: string;

  constructor(
    readonly topic: string,
    private readonly options: ConsumeOptions,
    private readonly settings: TopicConsumerSettings,
    private readonly counters: TopicConsumerCounters,
    private readonly logger: MessagingLogger,
  ) {
    this.checkpointName = `${options.group}:${topic}`;
  }

  async start(source: Source): Promise<void> {
    if (this.abort.signal.aborted) return;
    const from = await this.options.checkpoints.load(this.checkpointName);
    // stop() may have run while the checkpoint loaded; subscribing now would leak a subscription.
    if (this.abort.signal.aborted) return;
    this.subscription = source.store.subscribe({
      from,
      // a consumer with many messages in flight reads several windows per batch, so the window stays full
      batchSize: Math.min(MAX_READ_ALL_LIMIT, Math.max(this.settings.batchSize, (this.options.maxInFlight ?? 1) * 4)),
      pollIntervalMs: this.settings.pollIntervalMs,
      retryDelayMs: Math.max(1, this.settings.policy.backoff.initialDelayMs),
      maxRetryDelayMs: Math.max(1, this.settings.policy.backoff.maxDelayMs),
      handler: (events, checkpoint) => this.onBatch(source, events, checkpoint),
      onError: (error) => {
        if (error instanceof AbortedError) return;
        this.counters.lastError = errorMessage(error);
        this.logger.error(`consumer ${this.options.group} on ${this.topic} failed, retrying: ${this.counters.lastError}`);
      },
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.subscription?.stop();
  }

  /** Delivers one event outside the subscription (dead-letter replay). */
  async redeliver(event: IntegrationEvent): Promise<'handled' | 'duplicate' | 'failed'> {
    const outcome = await this.deliverOne(event, { replay: true });
    if (outcome === 'failed') this.logger.warn(`replay of ${event.eventId} to ${this.options.group} failed again`);
    return outcome;
  }

  private async onBatch(source: Source, events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    const mapped: { event: IntegrationEvent; position: string }[] = [];
    for (const recorded of events) {
      const event = toWireShape(source, recorded);
      if (event !== null) mapped.push({ event, position: String(recorded.checkpoint.position) });
    }
    // A failed delivery was dead-lettered inside deliverOne; the batch moves on like on Kafka.
    await deliverWindowed(mapped, {
      maxInFlight: this.options.maxInFlight ?? 1,
      keyOf: (item) => item.event.aggregateId,
      deliver: async (item) => void (await this.deliverOne(item.event, { position: item.position })),
      onDone: () => undefined,
      shouldStop: () => this.abort.signal.aborted,
    });
    if (this.abort.signal.aborted) throw new AbortedError();
    await this.options.checkpoints.save(this.checkpointName, checkpoint);
  }

  private async deliverOne(event: IntegrationEvent, origin: Record<string, unknown>): Promise<'handled' | 'duplicate' | 'failed'> {
    const outcome = await deliver({
      event,
      group: this.options.group,
      handler: this.options.handler,
      inbox: this.options.store,
      policy: this.settings.policy,
      skipFirstInboxCheck: this.options.inboxInHandler === true,
      signal: this.abort.signal,
      logger: this.logger,
      origin: { topic: this.topic, ...origin },
    });
    if (outcome.kind === 'duplicate') {
      this.counters.duplicates += 1;
      return 'duplicate';
    }
    if (outcome.kind === 'handled') {
      this.counters.handled += 1;
      return 'handled';
    }
    const error = errorMessage(outcome.error);
    await recordDeadLetter(this.options.store, {
      group: this.options.group,
      topic: this.topic,
      event,
      error,
      attempts: outcome.attempts,
      failedAt: new Date().toISOString(),
    });
    this.counters.deadLettered += 1;
    this.logger.error(`consumer ${this.options.group} dead-lettered ${event.eventId} from ${this.topic}: ${error}`);
    return 'failed';
  }
}

/**
 * Maps and then round-trips through the wire encoding, so a handler sees exactly what it would get
 * from Kafka (plain JSON, validated) and a mapper bug fails here as it would in the relay.
 */
function toWireShape(source: Source, recorded: RecordedEvent): IntegrationEvent | null {
  let mapped: IntegrationEvent | null;
  try {
    mapped = source.mapper(recorded);
    if (mapped === null) return null;
    const wire = encodeEvent(mapped);
    const decoded = decodeEvent(wire.value, wire.headers);
    if (!decoded.ok) throw new Error(decoded.error);
    return decoded.event;
  } catch (error) {
    throw new Error(`cannot map event ${recorded.eventId} (${recorded.type}) of ${source.topic}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}
