// Access to the real PostgreSQL and Kafka that the Jest global setup provisioned for this run
// (docs/ARCHITECTURE.md, Tests), and unique names so each test file isolates itself with its own schema / topics.
import { randomBytes } from 'node:crypto';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: integration tests must run under the Jest global setup');
  return url;
}

export function testKafkaBrokers(): string[] {
  const brokers = process.env.TEST_KAFKA_BROKERS;
  if (!brokers) throw new Error('TEST_KAFKA_BROKERS is not set: integration tests must run under the Jest global setup');
  return brokers.split(',').map((b) => b.trim()).filter(Boolean);
}

/** A unique lowercase identifier usable as a schema, topic or consumer-group name. */
export function uniqueName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  return `${clean}_${randomBytes(5).toString('hex')}`;
}
