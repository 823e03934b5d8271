// Agents, customers, money and calls as accounts, wallet and rating publish them (v1 contracts),
// with the defaults a test does not care about. Money is given as decimal strings, as on the wire.
import type { IntegrationEvent } from '@billing/contracts';
import { randomUUID } from 'node:crypto';
import type { FakeProducer, PublishOptions } from './fake-producer.js';

let accountSeq = 0;

export interface CallSpec {
  callId?: string;
  customerId: string;
  agentId: string | null;
  destinationName?: string;
  prefix?: string;
  billsec: number;
  billedSeconds?: number;
  cost: string;
  /** what the call cost the agent (rating's agentCost); undefined = absent (a call rated before it was recorded). */
  agentCost?: string | null;
  startedAt?: string;
}

export class World {
  /** the business time of what is published next (envelope occurredAt; call startedAt); undefined = now. */
  private time: string | undefined;

  constructor(
    readonly accounts: FakeProducer,
    readonly wallet: FakeProducer,
    readonly rating: FakeProducer,
  ) {}

  /** Publishes what follows as happening at `iso` (undefined = at the real time). */
  at(iso: string | undefined): this {
    this.time = iso;
    return this;
  }

  private now(): string {
    return this.time ?? new Date().toISOString();
  }

  private opts(options: PublishOptions = {}): PublishOptions {
    return { occurredAt: this.now(), ...options };
  }

  agent(agentId: string, name = `Agent ${agentId}`): Promise<IntegrationEvent> {
    return this.accounts.publish('accounts.AgentRegistered', {
      agentId,
      name,
      contactEmail: `${agentId}@agents.example`,
      commissionPercent: '10',
      rateSheetId: 'rs-base',
      lowBalanceThreshold: '50',
      actor: 'admin:ops',
      occurredAt: this.now(),
    }, this.opts());
  }

  customer(customerId: string, agentId: string | null): Promise<IntegrationEvent> {
    accountSeq += 1;
    return this.accounts.publish('accounts.CustomerOpened', {
      customerId,
      accountNumber: String(2_000_000_000 + accountSeq),
      agentId,
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
      language: 'en',
      contactEmail: `${customerId}@customers.example`,
      lowBalanceEmailEnabled: true,
      sipUsername: `sip${accountSeq}`,
      actor: 'admin:ops',
      occurredAt: this.now(),
    }, this.opts());
  }

  agentDeposit(agentId: string, amount: string, balanceAfter: string, options: PublishOptions & { source?: 'manual' | 'card' } = {}): Promise<IntegrationEvent> {
    const source = options.source ?? 'manual';
    return this.wallet.publish(
      'wallet.FundsDeposited',
      {
        depositId: `dep-${randomUUID()}`,
        accountKind: 'agent-main',
        agentId,
        customerId: null,
        amount,
        commission: '0',
        source,
        reference: source === 'manual' ? 'bank transfer' : null,
        paymentIntentId: source === 'card' ? `pi_${randomUUID()}` : null,
        balanceAfter,
        actor: 'admin:ops',
      },
      this.opts({ aggregateId: `wallet-agent-${agentId}`, ...options }),
    );
  }

  /** ITC deposits into a customer; with an agent, its commission accrues (CommissionAccrued). */
  async customerDeposit(customerId: string, agentId: string | null, amount: string, balanceAfter: string, commission?: { amount: string; balanceAfter: string }): Promise<IntegrationEvent> {
    const depositId = `dep-${randomUUID()}`;
    const deposited = await this.wallet.publish(
      'wallet.FundsDeposited',
      {
        depositId,
        accountKind: 'customer',
        agentId,
        customerId,
        amount,
        commission: commission?.amount ?? '0',
        source: 'manual',
        reference: 'cash desk',
        paymentIntentId: null,
        balanceAfter,
        actor: 'admin:ops',
      },
      this.opts({ aggregateId: `wallet-customer-${customerId}` }),
    );
    if (agentId !== null && commission !== undefined) {
      await this.commissionAccrued(agentId, customerId, 'deposit', depositId, amount, commission.amount, commission.balanceAfter);
    }
    return deposited;
  }

  /** Agent → customer: FundsTransferred (agent leg), BalanceChanged (customer leg), CommissionAccrued. */
  async transfer(
    agentId: string,
    customerId: string,
    amount: string,
    balances: { agentAfter: string; customerAfter: string },
    commission: { amount: string; balanceAfter: string },
  ): Promise<IntegrationEvent> {
    const transferId = `tr-${randomUUID()}`;
    const transferred = await this.wallet.publish(
      'wallet.FundsTransferred',
      { transferId, agentId, customerId, amount, agentBalanceAfter: balances.agentAfter, actor: `agent:${agentId}` },
      this.opts({ aggregateId: `wallet-agent-${agentId}` }),
    );
    await this.wallet.publish(
      'wallet.BalanceChanged',
      { accountKind: 'customer', agentId, customerId, cause: 'transfer-in', causeId: transferId, change: amount, balanceAfter: balances.customerAfter },
      this.opts({ aggregateId: `wallet-customer-${customerId}` }),
    );
    await this.commissionAccrued(agentId, customerId, 'transfer', transferId, amount, commission.amount, commission.balanceAfter);
    return transferred;
  }

  commissionAccrued(agentId: string, customerId: string, cause: 'deposit' | 'transfer', causeId: string, baseAmount: string, amount: string, balanceAfter: string): Promise<IntegrationEvent> {
    return this.wallet.publish(
      'wallet.CommissionAccrued',
      { agentId, customerId, cause, causeId, baseAmount, commissionPercent: '10', amount, commissionBalanceAfter: balanceAfter },
      this.opts({ aggregateId: `wallet-commission-${agentId}` }),
    );
  }

  /** Commission → main: CommissionTransferred (commission leg) and BalanceChanged (main leg). */
  async commissionTransfer(agentId: string, amount: string, balances: { commissionAfter: string; mainAfter: string }): Promise<IntegrationEvent> {
    const commissionTransferId = `ct-${randomUUID()}`;
    const moved = await this.wallet.publish(
      'wallet.CommissionTransferred',
      { commissionTransferId, agentId, amount, commissionBalanceAfter: balances.commissionAfter, actor: `agent:${agentId}` },
      this.opts({ aggregateId: `wallet-commission-${agentId}` }),
    );
    await this.wallet.publish(
      'wallet.BalanceChanged',
      { accountKind: 'agent-main', agentId, customerId: null, cause: 'commission-transfer-in', causeId: commissionTransferId, change: amount, balanceAfter: balances.mainAfter },
      this.opts({ aggregateId: `wallet-agent-${agentId}` }),
    );
    return moved;
  }

  /** A rated call (rating) and its charge (wallet, settling the hold). */
  async ratedCall(spec: CallSpec, balanceAfter: string): Promise<IntegrationEvent> {
    const callId = spec.callId ?? `call-${randomUUID()}`;
    const rated = await this.rating.publish('rating.CallRated', {
      callId,
      customerId: spec.customerId,
      agentId: spec.agentId,
      destination: `${spec.prefix ?? '44'}2079460958`,
      destinationName: spec.destinationName ?? 'United Kingdom',
      prefix: spec.prefix ?? '44',
      startedAt: spec.startedAt ?? this.now(),
      billsec: spec.billsec,
      billedSeconds: spec.billedSeconds ?? spec.billsec,
      cost: spec.cost,
      sheetId: 'rs-base',
      versionId: 'v1',
      holdId: callId,
      ...(spec.agentCost === undefined ? {} : { agentCost: spec.agentCost }),
    }, this.opts());
    await this.wallet.publish(
      'wallet.HoldSettled',
      { customerId: spec.customerId, agentId: spec.agentId, callId, held: '5', cost: spec.cost, balanceAfter },
      this.opts({ aggregateId: `wallet-customer-${spec.customerId}` }),
    );
    return rated;
  }

  /** A call authorized (its hold placed), then — when `end` says so — its hold released or expired. */
  holdPlaced(customerId: string, agentId: string | null, callId: string, granted = '5'): Promise<IntegrationEvent> {
    return this.wallet.publish(
      'wallet.HoldPlaced',
      { customerId, agentId, callId, requested: granted, granted, expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      this.opts({ aggregateId: `wallet-customer-${customerId}` }),
    );
  }

  holdReleased(customerId: string, agentId: string | null, callId: string, held = '5'): Promise<IntegrationEvent> {
    return this.wallet.publish('wallet.HoldReleased', { customerId, agentId, callId, held }, this.opts({ aggregateId: `wallet-customer-${customerId}` }));
  }

  unansweredCall(customerId: string, agentId: string | null, startedAt = this.now()): Promise<IntegrationEvent> {
    return this.rating.publish('rating.CallUnanswered', {
      callId: `call-${randomUUID()}`,
      customerId,
      agentId,
      destination: '442079460958',
      startedAt,
      disposition: 'no_answer',
    }, this.opts());
  }

  unratedCall(callId: string, customerId: string, agentId: string | null, billsec: number, startedAt = this.now()): Promise<IntegrationEvent> {
    return this.rating.publish('rating.CallUnrated', {
      callId,
      customerId,
      agentId,
      destination: '999123',
      startedAt,
      account: null,
      sipUsername: 'sip1',
      billsec,
      reason: 'no_rate',
    }, this.opts());
  }

  /** The customer's approved CallerIDs after a change (an approval, a removal …), as accounts publishes them. */
  callerIdsChanged(customerId: string, callerIds: string[], actor = 'agent:agent-a'): Promise<IntegrationEvent> {
    return this.accounts.publish(
      'accounts.CustomerCallerIdsChanged',
      { customerId, callerIds, defaultCallerId: callerIds[0] ?? null, actor, occurredAt: this.now() },
      this.opts({ aggregateId: customerId }),
    );
  }

  /** The customer's pending CallerIDs after one was requested or refused, as accounts publishes them. */
  callerIdRequestsChanged(customerId: string, callerId: string, change: 'requested' | 'refused', pendingCallerIds: string[], actor = 'agent:agent-a'): Promise<IntegrationEvent> {
    return this.accounts.publish(
      'accounts.CustomerCallerIdRequestsChanged',
      { customerId, callerId, change, pendingCallerIds, actor, occurredAt: this.now() },
      this.opts({ aggregateId: customerId }),
    );
  }

  lowBalance(customerId: string, agentId: string | null, balance: string, threshold = '5'): Promise<IntegrationEvent> {
    return this.wallet.publish('wallet.LowBalanceCrossed', { accountKind: 'customer', agentId, customerId, balance, threshold }, this.opts({ aggregateId: `wallet-customer-${customerId}` }));
  }
}
