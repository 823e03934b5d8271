// A stand-in for the accounts service's outbox: its own event store whose events ARE the v1
// integration events, published through the real bus (Kafka or in-process) under a unique service
// name. The wallet consumes them exactly as it consumes the real accounts service.
import { integrationEventFrom, type IntegrationEvent } from '@billing/contracts';
import { PostgresEventStore, type RecordedEvent } from '@billing/event-store';
import type { IntegrationBus, RelayHandle } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AccountsEventDraft } from './accounts-events.js';

export class FakeAccounts {
  private constructor(
    readonly store: PostgresEventStore,
    readonly service: string,
    private readonly relay: RelayHandle,
  ) {}

  static async start(pool: pg.Pool, bus: IntegrationBus, schema: string, service: string): Promise<FakeAccounts> {
    const store = await PostgresEventStore.open({ pool, schema });
    const relay = await bus.startRelay({ service, store, checkpoints: store.checkpoints, mapper: asIntegrationEvent });
    return new FakeAccounts(store, service, relay);
  }

  /** Appends (= publishes) the events in order; returns their event ids. */
  async publish(...drafts: AccountsEventDraft[]): Promise<string[]> {
    const ids: string[] = [];
    for (const draft of drafts) {
      const eventId = randomUUID();
      await this.store.append(`accounts-${draft.aggregateId}`, [{ eventId, type: draft.type, data: draft.data }], 'any');
      ids.push(eventId);
    }
    return ids;
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    await this.store.close();
  }
}

function asIntegrationEvent(recorded: RecordedEvent): IntegrationEvent {
  return integrationEventFrom(recorded, {
    type: recorded.type,
    schemaVersion: 1,
    aggregateId: recorded.streamId.slice('accounts-'.length),
    data: recorded.data as IntegrationEvent['data'],
  });
}
