// Bus settings for tests: small partitions count, quick backoffs and a short session timeout so a
// killed member's partitions move on within seconds.
import { testKafkaBrokers } from '@billing/testing';
import { KafkaBus, type KafkaBusOptions } from '../kafka/kafka-bus.js';
import { InProcessBus } from '../in-process/in-process-bus.js';
import { consoleLogger } from '../logger.js';

export const fastBackoff = { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 };
export const testLogger = consoleLogger('messaging-test', (process.env.MESSAGING_TEST_LOG as 'debug' | undefined) ?? 'error');

export function testKafkaBus(overrides: Partial<KafkaBusOptions> = {}): KafkaBus {
  return new KafkaBus({
    brokers: testKafkaBrokers(),
    clientId: 'messaging-test',
    logger: testLogger,
    partitions: 3,
    relay: { pollIntervalMs: 200, backoff: fastBackoff },
    consumer: { backoff: fastBackoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 },
    ...overrides,
  });
}

export function testInProcessBus(): InProcessBus {
  return new InProcessBus({ logger: testLogger, pollIntervalMs: 200, consumer: { backoff: fastBackoff } });
}
