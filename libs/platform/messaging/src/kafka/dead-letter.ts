// Dead letters on Kafka: the original key, value and headers, plus headers saying where the message
// came from and why it was given up on. The DLQ CLI reads these headers to list and replay.
import type { KafkaMessage } from 'kafkajs';
import { headerString, type RawHeaders } from '../wire.js';
import type { OutgoingMessage } from './producer.js';

export const DLQ_HEADERS = Object.freeze({
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  attempts: 'dlq-attempts',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
  /** set on a replayed message: the DLQ record it came from. */
  replayedFrom: 'dlq-replayed-from',
});

const MAX_ERROR_CHARS = 2_000;

export interface DeadLetterFailure {
  topic: string;
  partition: number;
  offset: string;
  group: string;
  attempts: number;
  error: string;
  failedAt: Date;
}

export function deadLetterOf(message: KafkaMessage, failure: DeadLetterFailure): OutgoingMessage {
  const headers: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerString(message.headers as RawHeaders, name);
    if (value !== undefined && text !== undefined && !name.startsWith('dlq-')) headers[name] = text;
  }
  headers[DLQ_HEADERS.error] = failure.error.slice(0, MAX_ERROR_CHARS);
  headers[DLQ_HEADERS.originalTopic] = failure.topic;
  headers[DLQ_HEADERS.originalPartition] = String(failure.partition);
  headers[DLQ_HEADERS.originalOffset] = failure.offset;
  headers[DLQ_HEADERS.attempts] = String(failure.attempts);
  headers[DLQ_HEADERS.group] = failure.group;
  headers[DLQ_HEADERS.failedAt] = failure.failedAt.toISOString();
  return { key: message.key, value: message.value, headers };
}

export interface DeadLetterInfo {
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  group: string;
  attempts: number;
  error: string;
  failedAt: string;
}

/** Reads the DLQ headers; undefined when the record is not a dead letter of this lib. */
export function readDeadLetter(headers: RawHeaders | undefined): DeadLetterInfo | undefined {
  const topic = headerString(headers, DLQ_HEADERS.originalTopic);
  if (topic === undefined) return undefined;
  return {
    originalTopic: topic,
    originalPartition: Number(headerString(headers, DLQ_HEADERS.originalPartition) ?? '-1'),
    originalOffset: headerString(headers, DLQ_HEADERS.originalOffset) ?? '',
    group: headerString(headers, DLQ_HEADERS.group) ?? '',
    attempts: Number(headerString(headers, DLQ_HEADERS.attempts) ?? '0'),
    error: headerString(headers, DLQ_HEADERS.error) ?? '',
    failedAt: headerString(headers, DLQ_HEADERS.failedAt) ?? '',
  };
}

/** The message to put back on the original topic: original headers, minus the DLQ bookkeeping. */
export function replayOf(record: { key: Buffer | null; value: Buffer | null; headers: RawHeaders | undefined }, from: string): OutgoingMessage {
  const headers: Record<string, string | Buffer> = {};
  for (const name of Object.keys(record.headers ?? {})) {
    const text = headerString(record.headers, name);
    if (text !== undefined && !name.startsWith('dlq-')) headers[name] = text;
  }
  headers[DLQ_HEADERS.replayedFrom] = from;
  return { key: record.key, value: record.value, headers };
}
