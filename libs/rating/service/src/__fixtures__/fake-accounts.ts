// A stand-in for the accounts service's outbox: its own event store whose events ARE v1
// integration events (validated against the contracts), published through the real bus (Kafka or
// in-process) under a unique service name. Rating and wallet consume them exactly as they consume
// the real accounts service.
import { accountsEventsV1, integrationEventFrom, type AccountsEventDataV1, type AccountsEventTypeV1, type IntegrationEvent } from '@billing/contracts';
import { PostgresEventStore, type RecordedEvent } from '@billing/event-store';
import type { IntegrationBus, RelayHandle } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface AccountsEventDraft<T extends AccountsEventTypeV1 = AccountsEventTypeV1> {
  type: T;
  aggregateId: string;
  data: AccountsEventDataV1<T>;
}

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

  async publish(...drafts: AccountsEventDraft[]): Promise<void> {
    for (const draft of drafts) {
      accountsEventsV1[draft.type].parse(draft.data);
      await this.store.append(`accounts-${draft.aggregateId}`, [{ eventId: randomUUID(), type: draft.type, data: draft.data }], 'any');
    }
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

const at = () => new Date().toISOString();
let accountSequence = 0;

export function agentRegistered(agentId: string, rateSheetId: string): AccountsEventDraft<'accounts.AgentRegistered'> {
  return {
    type: 'accounts.AgentRegistered',
    aggregateId: agentId,
    data: { agentId, name: `Agent ${agentId}`, contactEmail: `${agentId}@agents.example`, commissionPercent: '0', rateSheetId, lowBalanceThreshold: '0', actor: 'admin:itc', occurredAt: at() },
  };
}

export interface CustomerDraft {
  agentId?: string | null;
  rateSheetId: string;
  initialBalance?: string;
  billingType?: 'prepaid' | 'postpaid';
  creditLimit?: string | null;
  maxConcurrentCalls?: number;
  maxCallDurationSeconds?: number;
  accountNumber?: string;
  sipUsername?: string;
}

export function customerOpened(customerId: string, draft: CustomerDraft): AccountsEventDraft<'accounts.CustomerOpened'> {
  accountSequence += 1;
  const accountNumber = draft.accountNumber ?? String(3_000_000_000 + Math.floor(Math.random() * 900_000_000) + accountSequence);
  const agentId = draft.agentId ?? null;
  return {
    type: 'accounts.CustomerOpened',
    aggregateId: customerId,
    data: {
      customerId,
      accountNumber,
      agentId,
      profileId: null,
      batchId: null,
      billingType: draft.billingType ?? 'prepaid',
      creditLimit: draft.creditLimit ?? null,
      initialBalance: draft.initialBalance ?? '0',
      // ITC funds the initial balance in tests (an agent would need its own deposit first)
      initialBalanceSource: 'operator',
      lowBalanceThreshold: '0',
      rateSheetId: draft.rateSheetId,
      maxConcurrentCalls: draft.maxConcurrentCalls ?? 10,
      maxCallDurationSeconds: draft.maxCallDurationSeconds ?? 10_800,
      language: 'en',
      contactEmail: null,
      lowBalanceEmailEnabled: false,
      sipUsername: draft.sipUsername ?? `sip${accountNumber}`,
      actor: 'admin:itc',
      occurredAt: at(),
    },
  };
}

export function customerStatusChanged(customerId: string, status: 'active' | 'suspended' | 'closed'): AccountsEventDraft<'accounts.CustomerStatusChanged'> {
  return { type: 'accounts.CustomerStatusChanged', aggregateId: customerId, data: { customerId, status, reason: null, actor: 'admin:itc', occurredAt: at() } };
}

export function customerCallerIdsChanged(customerId: string, callerIds: string[]): AccountsEventDraft<'accounts.CustomerCallerIdsChanged'> {
  return { type: 'accounts.CustomerCallerIdsChanged', aggregateId: customerId, data: { customerId, callerIds, defaultCallerId: callerIds[0] ?? null, actor: `customer:${customerId}`, occurredAt: at() } };
}

export function agentStatusChanged(agentId: string, status: 'active' | 'suspended'): AccountsEventDraft<'accounts.AgentStatusChanged'> {
  return { type: 'accounts.AgentStatusChanged', aggregateId: agentId, data: { agentId, status, reason: null, actor: 'admin:itc', occurredAt: at() } };
}

export function customerFollowMeChanged(customerId: string, targets: { destination: string; ringSeconds: number }[]): AccountsEventDraft<'accounts.CustomerFollowMeChanged'> {
  return { type: 'accounts.CustomerFollowMeChanged', aggregateId: customerId, data: { customerId, enabled: true, targets, actor: `customer:${customerId}`, occurredAt: at() } };
}
