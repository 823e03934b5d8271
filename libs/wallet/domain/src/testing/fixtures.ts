// Builders for the wallet's specs (not exported from the library). Money is written as decimal
// strings and parsed exactly (`micros('12.5')`): never a number, not even in tests.
import { fold, RejectedCommand } from '@billing/decider';
import { HUNDRED_PERCENT, parseMoney, parsePercent } from '@billing/money';
import type { AgentMainAccountId, CustomerAccountId } from '../accounts/account-id.js';
import type { BillingType } from '../accounts/account-state.js';
import type {
  ChargeCall,
  DepositToAgent,
  DepositToCustomer,
  ExpireHolds,
  OpenAgentAccounts,
  OpenCustomerAccount,
  PlaceHold,
  ReleaseHold,
  ReverseDeposit,
  TransferCommission,
  TransferToCustomer,
  WalletCommand,
} from '../commands.js';
import type { DepositSource } from '../deposits/deposit-source.js';
import type { ReversalReason, WalletEvent } from '../events.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import type { Ledger } from '../ledger/ledger.js';
import type { CommandMeta } from '../shared/command-meta.js';

export const NOW = '2025-03-01T12:00:00.000Z';
export const LATER = '2025-03-01T12:05:00.000Z';
export const ACTOR = 'admin:itc';

export const A = 'agent-a';
export const B = 'agent-b';
export const C = 'cust-c';
export const D = 'cust-d';

export const micros = (amount: string): bigint => parseMoney(amount);
/** any bound, so specs can pass out-of-range rates to the decider. */
export const microPercent = (percent: string): bigint => parsePercent(percent, 'percent', { min: -HUNDRED_PERCENT, max: 10n * HUNDRED_PERCENT });
export const meta = (now = NOW, actor = ACTOR): CommandMeta => ({ actor, now });
/** the audit fields every event decided with meta() carries. */
export const audit = { actor: ACTOR, occurredAt: NOW } as const;

export const manual = (reference = 'BANK-1'): DepositSource => ({ kind: 'manual', reference });
export const card = (paymentIntentId = 'pi_1'): DepositSource => ({ kind: 'card', paymentIntentId });

export function openAgent(agentId = A, threshold = '0'): OpenAgentAccounts {
  return { type: 'OpenAgentAccounts', agentId, lowBalanceThresholdMicros: micros(threshold), meta: meta() };
}

export function openCustomer(
  customerId = C,
  agentId: string | null = A,
  terms: { billingType?: BillingType; creditLimit?: string; threshold?: string } = {},
): OpenCustomerAccount {
  return {
    type: 'OpenCustomerAccount',
    customerId,
    agentId,
    billingType: terms.billingType ?? 'prepaid',
    creditLimitMicros: micros(terms.creditLimit ?? '0'),
    lowBalanceThresholdMicros: micros(terms.threshold ?? '0'),
    meta: meta(),
  };
}

export function depositToAgent(agentId: string, amount: string, depositId = 'dep-1', source = manual()): DepositToAgent {
  return { type: 'DepositToAgent', depositId, agentId, amountMicros: micros(amount), source, meta: meta() };
}

export function depositToCustomer(
  customerId: string,
  agentId: string | null,
  amount: string,
  options: { depositId?: string; rate?: string; source?: DepositSource } = {},
): DepositToCustomer {
  return {
    type: 'DepositToCustomer',
    depositId: options.depositId ?? 'dep-1',
    customerId,
    agentId,
    agentCommissionMicroPercent: microPercent(options.rate ?? (agentId === null ? '0' : '10')),
    amountMicros: micros(amount),
    source: options.source ?? manual(),
    meta: meta(),
  };
}

export function transfer(agentId: string, customerId: string, amount: string, options: { transferId?: string; rate?: string; reference?: string } = {}): TransferToCustomer {
  return {
    type: 'TransferToCustomer',
    transferId: options.transferId ?? 'tr-1',
    agentId,
    customerId,
    amountMicros: micros(amount),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    agentCommissionMicroPercent: microPercent(options.rate ?? '10'),
    meta: meta(),
  };
}

export function transferCommission(agentId: string, amount: string | null, commissionTransferId = 'ct-1'): TransferCommission {
  return { type: 'TransferCommission', commissionTransferId, agentId, amountMicros: amount === null ? null : micros(amount), meta: meta() };
}

export function reverse(accountId: AgentMainAccountId | CustomerAccountId, agentId: string | null, depositId = 'dep-1', reason: ReversalReason = 'chargeback'): ReverseDeposit {
  return { type: 'ReverseDeposit', depositId, accountId, agentId, reason, meta: meta() };
}

export function placeHold(customerId: string, callId: string, requested: string, expiresAt = LATER, now = NOW): PlaceHold {
  return { type: 'PlaceHold', customerId, callId, requestedMicros: micros(requested), expiresAt, meta: meta(now, 'system:rating') };
}

export function charge(customerId: string, callId: string, cost: string): ChargeCall {
  return { type: 'ChargeCall', customerId, callId, costMicros: micros(cost), meta: meta(NOW, 'system:rating') };
}

export function release(customerId: string, callId: string): ReleaseHold {
  return { type: 'ReleaseHold', customerId, callId, meta: meta(NOW, 'system:rating') };
}

export function expireHolds(customerId: string, now: string): ExpireHolds {
  return { type: 'ExpireHolds', customerId, meta: meta(now, 'system') };
}

/** The events of `commands` decided one after the other (each must be accepted). */
export function history(...commands: WalletCommand[]): WalletEvent[] {
  const events: WalletEvent[] = [];
  let ledger: Ledger = walletDecider.initialState();
  for (const command of commands) {
    const decided = walletDecider.decide(command, ledger);
    ledger = fold(walletDecider, ledger, decided);
    events.push(...decided);
  }
  return events;
}

export function ledgerAfter(events: readonly WalletEvent[]): Ledger {
  return fold(walletDecider, walletDecider.initialState(), events);
}

/** The RejectedCommand `command` gets after `given` (for its HTTP status); fails when accepted. */
export function rejectionOf(command: WalletCommand, given: readonly WalletEvent[]): RejectedCommand {
  try {
    walletDecider.decide(command, ledgerAfter(given));
  } catch (error) {
    if (error instanceof RejectedCommand) return error;
    throw error;
  }
  throw new Error(`${command.type} was accepted`);
}
