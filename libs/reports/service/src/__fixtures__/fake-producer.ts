// Stands in for the accounts, wallet and rating services in tests: an event store of its own (the
// outbox) holding real v1 envelopes, published through the bus under a service name of the test's
// choice, exactly as their relays do (in-process: consumers read this store; Kafka: the relay
// produces them to `<service>.events.v1`).
import {
  integrationEventFrom,
  parseAccountsEventV1,
  parseRatingEventV1,
  parseWalletEventV1,
  type IntegrationEvent,
  type IntegrationEventMapper,
} from '@billing/contracts';
import { PostgresEventStore } from '@billing/event-store';
import type { IntegrationBus, RelayHandle } from '@billing/messaging';
import { uniqueName } from '@billing/testing';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface PublishOptions {
  /** the integration event's id: pass the same one twice to deliver one event twice. */
  eventId?: string;
  aggregateId?: string;
  occurredAt?: string;
}

interface Stored {
  envelope: IntegrationEvent;
}

export class FakeProducer {
  private constructor(
    readonly service: string,
    readonly store: PostgresEventStore,
    private readonly pool: pg.Pool,
  ) {}

  static async open(pool: pg.Pool, service: string): Promise<FakeProducer> {
    const store = await PostgresEventStore.open({ pool, schema: uniqueName(`src_${service.replace(/-/g, '_')}`) });
    return new FakeProducer(service, store, pool);
  }

  /** The stored record carries the envelope; the integration event id is the envelope's, not the record's. */
  readonly mapper: IntegrationEventMapper = (recorded) => {
    if (recorded.type !== 'Published') return null;
    const { envelope } = recorded.data as Stored;
    return { ...integrationEventFrom(recorded, { ...envelope, occurredAt: envelope.occurredAt }), eventId: envelope.eventId };
  };

  relay(bus: IntegrationBus): Promise<RelayHandle> {
    return bus.startRelay({ service: this.service, store: this.store, checkpoints: this.store.checkpoints, mapper: this.mapper, pollIntervalMs: 100 });
  }

  /** Validates `data` against its v1 contract (a test typo fails here, not as a dead letter). */
  async publish(type: string, data: Record<string, unknown>, options: PublishOptions = {}): Promise<IntegrationEvent> {
    if (type.startsWith('wallet.')) parseWalletEventV1(type, data);
    else if (type.startsWith('rating.')) parseRatingEventV1(type, data);
    else parseAccountsEventV1(type, data);
    const envelope: IntegrationEvent = {
      eventId: options.eventId ?? randomUUID(),
      type,
      schemaVersion: 1,
      aggregateId: options.aggregateId ?? String(data.callId ?? data.customerId ?? data.agentId ?? 'aggregate'),
      occurredAt: options.occurredAt ?? new Date().toISOString(),
      data: data as IntegrationEvent['data'],
    };
    await this.store.append(`published-${envelope.aggregateId}`, [{ eventId: randomUUID(), type: 'Published', data: { envelope } satisfies Stored }], 'any');
    return envelope;
  }

  async drop(): Promise<void> {
    await this.store.close();
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.store.schema}" CASCADE`);
  }
}
