// Chooses the transport from configuration (docs/API.md: KAFKA_BROKERS unset = in-process), so a
// service wires `createIntegrationBus(...)` once and never branches on the mode itself.
import type { IntegrationBus } from './bus.js';
import { InProcessBus, type InProcessBusOptions } from './in-process/in-process-bus.js';
import { KafkaBus, type KafkaBusOptions } from './kafka/kafka-bus.js';
import type { MessagingLogger } from './logger.js';

export interface CreateBusOptions {
  /** comma-separated string or list; empty/undefined selects the in-process transport. */
  brokers?: string | readonly string[];
  clientId: string;
  logger?: MessagingLogger;
  kafka?: Omit<KafkaBusOptions, 'brokers' | 'clientId' | 'logger'>;
  inProcess?: Omit<InProcessBusOptions, 'logger'>;
}

export function parseBrokers(brokers: string | readonly string[] | undefined): string[] {
  if (brokers === undefined) return [];
  const list = typeof brokers === 'string' ? brokers.split(',') : [...brokers];
  return list.map((broker) => broker.trim()).filter((broker) => broker !== '');
}

export function createIntegrationBus(options: CreateBusOptions): IntegrationBus {
  const brokers = parseBrokers(options.brokers);
  if (brokers.length === 0) return new InProcessBus({ ...options.inProcess, logger: options.logger });
  return new KafkaBus({ ...options.kafka, brokers, clientId: options.clientId, logger: options.logger });
}
