// Agents, customers and money events as accounts and wallet publish them (v1 contracts), with
// the defaults a test does not care about.
import type { IntegrationEvent } from '@billing/contracts';
import type { FakeProducer, PublishOptions } from './fake-producer.js';

const audit = () => ({ actor: 'admin:ops', occurredAt: new Date().toISOString() });
let accountSeq = 0;

export interface CustomerFields {
  agentId: string | null;
  contactEmail: string | null;
  language: string;
  lowBalanceEmailEnabled: boolean;
  accountNumber: string;
}

export class World {
  constructor(
    readonly accounts: FakeProducer,
    readonly wallet: FakeProducer,
  ) {}

  agent(agentId: string, fields: { name?: string; contactEmail?: string } = {}): Promise<IntegrationEvent> {
    return this.accounts.publish('accounts.AgentRegistered', {
      agentId,
      name: fields.name ?? `Agent ${agentId}`,
      contactEmail: fields.contactEmail ?? `${agentId}@agents.example`,
      commissionPercent: '10',
      rateSheetId: 'rs-base',
      lowBalanceThreshold: '50',
      ...audit(),
    });
  }

  customer(customerId: string, fields: Partial<CustomerFields> = {}): Promise<IntegrationEvent> {
    accountSeq += 1;
    return this.accounts.publish('accounts.CustomerOpened', {
      customerId,
      accountNumber: fields.accountNumber ?? String(2_000_000_000 + accountSeq),
      agentId: fields.agentId === undefined ? 'agent-1' : fields.agentId,
      profileId: null,
      batchId: null,
      billingType: 'prepaid',
      creditLimit: null,
      initialBalance: '0',
      initialBalanceSource: 'operator',
      lowBalanceThreshold: '5',
      rateSheetId: 'rs-base',
      maxConcurrentCalls: 2,
      maxCallDurationSeconds: 3600,
      language: fields.language ?? 'en',
      contactEmail: fields.contactEmail === undefined ? `${customerId}@customers.example` : fields.contactEmail,
      lowBalanceEmailEnabled: fields.lowBalanceEmailEnabled ?? true,
      sipUsername: `sip${accountSeq}`,
      ...audit(),
    });
  }

  customerLowBalance(customerId: string, agentId: string | null, amounts = { balance: '4.5', threshold: '5' }, options?: PublishOptions): Promise<IntegrationEvent> {
    return this.wallet.publish('wallet.LowBalanceCrossed', { accountKind: 'customer', agentId, customerId, ...amounts }, { aggregateId: `wallet-customer-${customerId}`, ...options });
  }

  agentLowBalance(agentId: string, amounts = { balance: '-2', threshold: '100' }): Promise<IntegrationEvent> {
    return this.wallet.publish('wallet.LowBalanceCrossed', { accountKind: 'agent-main', agentId, customerId: null, ...amounts }, { aggregateId: `wallet-agent-${agentId}` });
  }

  cardDeposit(customerId: string, agentId: string | null, amount: string, balanceAfter: string): Promise<IntegrationEvent> {
    return this.wallet.publish('wallet.FundsDeposited', {
      depositId: `dep-${customerId}-${amount}`,
      accountKind: 'customer',
      agentId,
      customerId,
      amount,
      commission: '0',
      source: 'card',
      reference: null,
      paymentIntentId: `pi_${customerId}`,
      balanceAfter,
      actor: `customer:${customerId}`,
    });
  }
}
