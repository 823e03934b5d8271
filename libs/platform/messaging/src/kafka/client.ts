// One place that builds kafkajs clients, so every producer, consumer and admin of this lib shares
// the same timeouts, partitioner and log routing.
import { Kafka, logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger.js';

export interface KafkaConnectionOptions {
  brokers: readonly string[];
  clientId: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
}

// Deliberate: our producers cap their retries so that a dead broker hands control back to the
// relay (which resets the producer and backs off). kafkajs warns that limiting retries weakens its
// exactly-once-in-Kafka guarantee; ours rests on the consumers' inbox, so the warning is noise.
const SUPPRESSED = [/Limiting retries for the idempotent producer/];
// kafkajs logs every failed connection attempt as an error; during a broker outage that is a line
// per retry per client. The relay and consumers report the outage themselves, once per attempt.
const QUIETED_NAMESPACES = new Set(['Connection', 'BrokerPool']);

export function createKafka(options: KafkaConnectionOptions, logger: MessagingLogger): Kafka {
  if (options.brokers.length === 0) throw new Error('at least one Kafka broker is required');
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    // Connection-level retries stay short: the relay and consumers own the long-term retry loops.
    retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: bridgeLogs(logger),
  });
}

function bridgeLogs(logger: MessagingLogger): logCreator {
  return () =>
    ({ level, log, namespace }: LogEntry) => {
      const { message, ...fields } = log;
      if (SUPPRESSED.some((pattern) => pattern.test(message))) return;
      const text = `kafkajs ${namespace}: ${message}`;
      const extra = { ...fields, timestamp: undefined, logger: undefined };
      if (QUIETED_NAMESPACES.has(namespace)) logger.debug(text, extra);
      else if (level === logLevel.ERROR) logger.error(text, extra);
      else if (level === logLevel.WARN) logger.warn(text, extra);
      else if (level === logLevel.INFO) logger.info(text, extra);
      else logger.debug(text, extra);
    };
}
