// A stand-in for the accounts service's outbox, so the wallet opens ledger accounts exactly as in
// production: accounts' v1 integration events (validated against the contracts) in an event store
// of their own, published through the real in-process bus under a unique service name.
import { accountsEventsV1, integrationEventFrom, type AccountsEventDataV1, type AccountsEventTypeV1, type IntegrationEvent } from '@billing/contracts';
import { PostgresEventStore, type RecordedEvent } from '@billing/event-store';
import type { IntegrationBus, RelayHandle } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

let sequence = 0;

export class AccountsPublisher {
  private constructor(
    readonly store: PostgresEventStore,
    readonly service: string,
    private readonly relay: RelayHandle,
  ) {}

  static async start(pool: pg.Pool, bus: IntegrationBus, schema: string, service: string): Promise<AccountsPublisher> {
    const store = await PostgresEventStore.open({ pool, schema });
    const relay = await bus.startRelay({ service, store, checkpoints: store.checkpoints, mapper: asIntegrationEvent });
    return new AccountsPublisher(store, service, relay);
  }

  async agentRegistered(agentId: string, commissionPercent: string): Promise<void> {
    await this.publish('accounts.AgentRegistered', agentId, {
      agentId,
      name: `Agent ${agentId}`,
      contactEmail: `${agentId}@agents.example`,
      commissionPercent,
      rateSheetId: 'sheet-base',
      lowBalanceThreshold: '0',
      actor: 'admin:itc',
      occurredAt: new Date().toISOString(),
    });
  }

  async customerOpened(customerId: string, agentId: string | null): Promise<void> {
    sequence += 1;
    const accountNumber = String(3_000_000_000 + sequence);
    await this.publish('accounts.CustomerOpened', customerId, {
      customerId,
      accountNumber,
      agentId,
      profileId: null,
      batchId: null,
      billingType: 'prepaid',
      creditLimit: null,
      initialBalance: '0',
      initialBalanceSource: agentId === null ? 'operator' : 'agent',
      lowBalanceThreshold: '0',
      rateSheetId: 'sheet-base',
      maxConcurrentCalls: 2,
      maxCallDurationSeconds: 3600,
      language: 'en',
      contactEmail: null,
      lowBalanceEmailEnabled: true,
      sipUsername: `sip${accountNumber}`,
      actor: agentId === null ? 'admin:itc' : `agent:${agentId}`,
      occurredAt: new Date().toISOString(),
    });
  }

  async customerClosed(customerId: string): Promise<void> {
    await this.publish('accounts.CustomerStatusChanged', customerId, {
      customerId,
      status: 'closed',
      reason: 'closed in a test',
      actor: 'admin:itc',
      occurredAt: new Date().toISOString(),
    });
  }

  private async publish<T extends AccountsEventTypeV1>(type: T, aggregateId: string, data: AccountsEventDataV1<T>): Promise<void> {
    accountsEventsV1[type].parse(data);
    await this.store.append(`accounts-${aggregateId}`, [{ eventId: randomUUID(), type, data }], 'any');
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
