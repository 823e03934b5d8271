// Accounts' integration events as the accounts service publishes them (validated against the v1
// contracts before they are stored), for driving the wallet's consumer in tests.
import { accountsEventsV1, type AccountsEventDataV1, type AccountsEventTypeV1 } from '@billing/contracts';

let sequence = 0;
const at = () => new Date().toISOString();

export interface AccountsEventDraft<T extends AccountsEventTypeV1 = AccountsEventTypeV1> {
  type: T;
  aggregateId: string;
  data: AccountsEventDataV1<T>;
}

function draft<T extends AccountsEventTypeV1>(type: T, aggregateId: string, data: AccountsEventDataV1<T>): AccountsEventDraft<T> {
  accountsEventsV1[type].parse(data);
  return { type, aggregateId, data };
}

export function agentRegistered(agentId: string, options: { commissionPercent?: string; lowBalanceThreshold?: string } = {}) {
  return draft('accounts.AgentRegistered', agentId, {
    agentId,
    name: `Agent ${agentId}`,
    contactEmail: `${agentId}@agents.example`,
    commissionPercent: options.commissionPercent ?? '10',
    rateSheetId: 'sheet-base',
    lowBalanceThreshold: options.lowBalanceThreshold ?? '0',
    actor: 'admin:itc',
    occurredAt: at(),
  });
}

export function agentCommissionChanged(agentId: string, previous: string, next: string) {
  return draft('accounts.AgentCommissionChanged', agentId, { agentId, previousCommissionPercent: previous, commissionPercent: next, actor: 'admin:itc', occurredAt: at() });
}

export function customerOpened(
  customerId: string,
  agentId: string | null,
  options: { initialBalance?: string; source?: 'agent' | 'operator'; billingType?: 'prepaid' | 'postpaid'; creditLimit?: string | null; lowBalanceThreshold?: string } = {},
) {
  sequence += 1;
  const accountNumber = String(2_000_000_000 + sequence);
  return draft('accounts.CustomerOpened', customerId, {
    customerId,
    accountNumber,
    agentId,
    profileId: null,
    batchId: null,
    billingType: options.billingType ?? 'prepaid',
    creditLimit: options.creditLimit ?? null,
    initialBalance: options.initialBalance ?? '0',
    initialBalanceSource: options.source ?? (agentId === null ? 'operator' : 'agent'),
    lowBalanceThreshold: options.lowBalanceThreshold ?? '0',
    rateSheetId: 'sheet-base',
    maxConcurrentCalls: 2,
    maxCallDurationSeconds: 3600,
    language: 'en',
    contactEmail: null,
    lowBalanceEmailEnabled: true,
    sipUsername: `sip${accountNumber}`,
    actor: agentId === null ? 'admin:itc' : `agent:${agentId}`,
    occurredAt: at(),
  });
}

export function customerSettingsChanged(customerId: string, lowBalanceThreshold: string) {
  return draft('accounts.CustomerSettingsChanged', customerId, {
    customerId,
    lowBalanceThreshold,
    contactEmail: null,
    language: 'en',
    lowBalanceEmailEnabled: true,
    actor: `customer:${customerId}`,
    occurredAt: at(),
  });
}
