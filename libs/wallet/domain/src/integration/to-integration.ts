// Domain event → the wallet's published v1 contract (libs/contracts/src/wallet/v1), one to one,
// so the envelope can reuse the domain event's id (integrationEventFrom). Money becomes decimal
// strings here and nowhere else. Internal events (opening, settings, closing) are not published:
// the accounts context already published them. The two legs of a movement publish different
// things: the business event from the leg that starts it (TransferredOut → FundsTransferred,
// CommissionTransferredOut → CommissionTransferred) and BalanceChanged from the receiving leg.
import { WALLET_EVENTS_SCHEMA_VERSION, type IntegrationEventShape, type WalletEventDataV1, type WalletEventTypeV1 } from '@billing/contracts';
import { formatMoney, formatPercent } from '@billing/money';
import { holderIdOf, kindOf, streamIdOf, type AgentMainAccountId, type CustomerAccountId } from '../accounts/account-id.js';
import type { WalletEvent } from '../events.js';

export interface WalletIntegrationShape<T extends WalletEventTypeV1 = WalletEventTypeV1> extends IntegrationEventShape {
  readonly type: T;
  readonly data: WalletEventDataV1<T>;
}

export function toIntegrationEvent(event: WalletEvent): WalletIntegrationShape | null {
  const money = formatMoney;
  switch (event.type) {
    case 'FundsDeposited':
      return shape('wallet.FundsDeposited', event, {
        depositId: event.depositId,
        ...holderOf(event.accountId, event.agentId),
        amount: money(event.amountMicros),
        commission: money(event.commissionMicros),
        source: event.source.kind,
        reference: event.source.kind === 'manual' ? event.source.reference : null,
        paymentIntentId: event.source.kind === 'card' ? event.source.paymentIntentId : null,
        balanceAfter: money(event.balanceAfterMicros),
        actor: event.actor,
      });
    case 'DepositReversed':
      return shape('wallet.DepositReversed', event, {
        depositId: event.depositId,
        ...holderOf(event.accountId, event.agentId),
        amount: money(event.amountMicros),
        reason: event.reason,
        balanceAfter: money(event.balanceAfterMicros),
        actor: event.actor,
      });
    case 'TransferredOut':
      return shape('wallet.FundsTransferred', event, {
        transferId: event.transferId,
        agentId: holderIdOf(event.accountId),
        customerId: event.customerId,
        amount: money(event.amountMicros),
        agentBalanceAfter: money(event.balanceAfterMicros),
        actor: event.actor,
      });
    case 'TransferredIn':
      return shape('wallet.BalanceChanged', event, {
        ...holderOf(event.accountId, event.agentId),
        cause: 'transfer-in',
        causeId: event.transferId,
        change: money(event.amountMicros),
        balanceAfter: money(event.balanceAfterMicros),
      });
    case 'CommissionAccrued':
      return shape('wallet.CommissionAccrued', event, {
        agentId: holderIdOf(event.accountId),
        customerId: event.customerId,
        cause: event.cause.kind,
        causeId: event.cause.kind === 'deposit' ? event.cause.depositId : event.cause.transferId,
        baseAmount: money(event.baseAmountMicros),
        commissionPercent: formatPercent(event.commissionMicroPercent),
        amount: money(event.amountMicros),
        commissionBalanceAfter: money(event.balanceAfterMicros),
      });
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      return shape('wallet.CommissionReversed', event, {
        agentId: holderIdOf(event.accountId),
        customerId: event.customerId,
        depositId: event.depositId,
        from: event.type === 'CommissionReversed' ? 'commission' : 'main',
        amount: money(event.amountMicros),
        balanceAfter: money(event.balanceAfterMicros),
      });
    case 'CommissionTransferredOut':
      return shape('wallet.CommissionTransferred', event, {
        commissionTransferId: event.commissionTransferId,
        agentId: holderIdOf(event.accountId),
        amount: money(event.amountMicros),
        commissionBalanceAfter: money(event.balanceAfterMicros),
        actor: event.actor,
      });
    case 'CommissionTransferredIn':
      return shape('wallet.BalanceChanged', event, {
        ...holderOf(event.accountId, event.agentId),
        cause: 'commission-transfer-in',
        causeId: event.commissionTransferId,
        change: money(event.amountMicros),
        balanceAfter: money(event.balanceAfterMicros),
      });
    case 'HoldPlaced':
      return shape('wallet.HoldPlaced', event, {
        ...callOf(event),
        requested: money(event.requestedMicros),
        granted: money(event.grantedMicros),
        expiresAt: event.expiresAt,
      });
    case 'HoldSettled':
      return shape('wallet.HoldSettled', event, {
        ...callOf(event),
        held: money(event.heldMicros),
        cost: money(event.costMicros),
        balanceAfter: money(event.balanceAfterMicros),
      });
    case 'CallCharged':
      return shape('wallet.CallCharged', event, { ...callOf(event), cost: money(event.costMicros), balanceAfter: money(event.balanceAfterMicros) });
    case 'HoldReleased':
      return shape('wallet.HoldReleased', event, { ...callOf(event), held: money(event.heldMicros) });
    case 'HoldExpired':
      return shape('wallet.HoldExpired', event, { ...callOf(event), held: money(event.heldMicros), expiresAt: event.expiresAt });
    case 'LowBalanceCrossed':
      return shape('wallet.LowBalanceCrossed', event, {
        ...holderOf(event.accountId, event.agentId),
        balance: money(event.balanceMicros),
        threshold: money(event.lowBalanceThresholdMicros),
      });
    case 'AccountOpened':
    case 'LowBalanceThresholdChanged':
    case 'CreditLimitChanged':
    case 'AccountClosed':
    // a reservation moves no money; the transfer that uses it is published (FundsTransferred)
    case 'InitialBalanceReserved':
    case 'InitialBalanceReservationEnded':
      return null;
  }
}

function shape<T extends WalletEventTypeV1>(type: T, event: WalletEvent, data: WalletEventDataV1<T>): WalletIntegrationShape<T> {
  return { type, schemaVersion: WALLET_EVENTS_SCHEMA_VERSION, aggregateId: streamIdOf(event.accountId), occurredAt: event.occurredAt, data };
}

function holderOf(accountId: AgentMainAccountId | CustomerAccountId, agentId: string | null) {
  return kindOf(accountId) === 'customer'
    ? { accountKind: 'customer' as const, agentId, customerId: holderIdOf(accountId) }
    : { accountKind: 'agent-main' as const, agentId, customerId: null };
}

function callOf(event: { accountId: CustomerAccountId; agentId: string | null; callId: string }) {
  return { customerId: holderIdOf(event.accountId), agentId: event.agentId, callId: event.callId };
}
