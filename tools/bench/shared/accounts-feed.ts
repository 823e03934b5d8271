// A stand-in for the accounts service's outbox, as the services' integration tests use: an event
// store whose events ARE accounts' v1 integration events (validated against the contracts),
// published on the real bus, so wallet and rating open accounts exactly as in production.
import { accountsEventsV1, integrationEventFrom, type AccountsEventDataV1, type IntegrationEvent } from '@billing/contracts';
import { PostgresEventStore, type RecordedEvent } from '@billing/event-store';
import type { IntegrationBus, RelayHandle } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface CustomerSpec {
  customerId: string;
  agentId: string | null;
  /** decimal string, funded by ITC (operator). */
  initialBalance: string;
  rateSheetId: string;
  accountNumber: string;
}

const at = () => new Date().toISOString();

export class AccountsFeed {
  private constructor(
    readonly store: PostgresEventStore,
    readonly service: string,
    private readonly relay: RelayHandle,
  ) {}

  static async start(pool: pg.Pool, bus: IntegrationBus, schema: string, service: string): Promise<AccountsFeed> {
    const store = await PostgresEventStore.open({ pool, schema });
    const relay = await bus.startRelay({ service, store, checkpoints: store.checkpoints, mapper: asIntegrationEvent });
    return new AccountsFeed(store, service, relay);
  }

  async agentRegistered(agentId: string, rateSheetId: string, commissionPercent = '10'): Promise<void> {
    const data: AccountsEventDataV1<'accounts.AgentRegistered'> = {
      agentId,
      name: `Agent ${agentId}`,
      contactEmail: `${agentId}@agents.example`,
      commissionPercent,
      rateSheetId,
      lowBalanceThreshold: '0',
      actor: 'admin:itc',
      occurredAt: at(),
    };
    await this.publish(agentId, 'accounts.AgentRegistered', accountsEventsV1['accounts.AgentRegistered'].parse(data));
  }

  async customerOpened(spec: CustomerSpec): Promise<void> {
    const data: AccountsEventDataV1<'accounts.CustomerOpened'> = {
      customerId: spec.customerId,
      accountNumber: spec.accountNumber,
      agentId: spec.agentId,
      profileId: null,
      batchId: null,
      billingType: 'prepaid',
      creditLimit: null,
      initialBalance: spec.initialBalance,
      initialBalanceSource: 'operator',
      lowBalanceThreshold: '0',
      rateSheetId: spec.rateSheetId,
      maxConcurrentCalls: 1_000,
      maxCallDurationSeconds: 10_800,
      language: 'en',
      contactEmail: null,
      lowBalanceEmailEnabled: false,
      sipUsername: `sip${spec.accountNumber}`,
      actor: spec.agentId === null ? 'admin:itc' : `agent:${spec.agentId}`,
      occurredAt: at(),
    };
    await this.publish(spec.customerId, 'accounts.CustomerOpened', accountsEventsV1['accounts.CustomerOpened'].parse(data));
  }

  private async publish(aggregateId: string, type: string, data: unknown): Promise<void> {
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
