// An idempotent, acks=all producer that is thrown away after any failed send. kafkajs keeps
// per-partition sequence numbers in the producer; after a send that gave up (broker down) those may
// disagree with the broker, and the next send would fail with OUT_OF_ORDER_SEQUENCE_NUMBER forever.
// A fresh producer gets a fresh producer id; a message re-sent that way may reach the topic twice,
// which the consumers' inbox absorbs.
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { errorMessage, type MessagingLogger } from '../logger.js';

/** What can be produced: integration events (strings) and dead letters (the original bytes). */
export interface OutgoingMessage {
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: Record<string, string | Buffer>;
}

/** Kept well under the broker's default message.max.bytes (1 MiB) per produce request. */
const MAX_REQUEST_BYTES = 512 * 1024;
/** Per-message overhead estimate (record header, varints). */
const RECORD_OVERHEAD_BYTES = 64;

export class SafeProducer {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: MessagingLogger,
    private readonly requestTimeoutMs: number = 10_000,
  ) {}

  /** Resolves once every message is acknowledged by all in-sync replicas. */
  async send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const producer = await this.connected();
    try {
      for (const chunk of chunkByBytes(messages, MAX_REQUEST_BYTES)) {
        await producer.send({ topic, acks: -1, timeout: this.requestTimeoutMs, messages: chunk.map(toKafka) });
      }
    } catch (error) {
      await this.reset(error);
      throw error;
    }
  }

  async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connecting = undefined;
    if (producer) await producer.disconnect().catch(() => undefined);
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= this.connect();
    try {
      this.producer = await this.connecting;
      return this.producer;
    } finally {
      this.connecting = undefined;
    }
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded so a dead broker returns control to our own backoff loop (see createKafka).
      retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  private async reset(cause: unknown): Promise<void> {
    this.logger.warn(`producer reset after failed send: ${errorMessage(cause)}`);
    await this.close();
  }
}

function toKafka(message: OutgoingMessage): Message {
  return { key: message.key, value: message.value, headers: message.headers };
}

export function chunkByBytes<M extends OutgoingMessage>(messages: readonly M[], maxBytes: number): M[][] {
  const chunks: M[][] = [];
  let current: M[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const size = messageBytes(message);
    if (current.length > 0 && currentBytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    // A single message above the limit still goes alone: the broker is the judge of its size.
    current.push(message);
    currentBytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function messageBytes(message: OutgoingMessage): number {
  let size = RECORD_OVERHEAD_BYTES + byteLength(message.key) + byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers)) size += Buffer.byteLength(name) + Buffer.byteLength(value);
  return size;
}

function byteLength(value: string | Buffer | null): number {
  if (value === null) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
