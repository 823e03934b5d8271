// docker-compose.yml cannot run here (no Docker engine): parse it and check the topology it promises.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Compose = { services: Record<string, { image?: string; profiles?: string[]; environment?: Record<string, string> }> };
const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as Compose;

describe('docker-compose.yml', () => {
  it('runs every service, PostgreSQL, a KRaft Kafka, a Kafka UI and an SMTP catcher', () => {
    for (const name of ['gateway', 'accounts', 'wallet', 'rating', 'notifications', 'postgres', 'kafka', 'kafka-ui', 'mailpit']) {
      expect(compose.services[name]).toBeDefined();
    }
    expect(compose.services.kafka?.image).toMatch(/kafka/);
  });

  it('keeps EventStoreDB optional behind a profile', () => {
    expect(compose.services.eventstoredb?.profiles).toEqual(['eventstoredb']);
  });

  it('configures services with the documented variable names', () => {
    const env = compose.services.wallet?.environment ?? {};
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['DATABASE_URL', 'KAFKA_BROKERS', 'BILLING_CURRENCY', 'SMTP_URL']));
  });
});
