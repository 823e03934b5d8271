// Pure: one consumed v1 event → the read-model changes it makes. No SQL here; the projection
// writes these in one transaction with the inbox entry. Money is parsed to bigint micro-units at
// this boundary. Facts are attributed to the agent the producing service named on the event
// (the agent at the time), so a report never needs accounts to have been consumed first.
import { parseMoney } from '@billing/money';
import type { ReportsSourceEvent } from './source-event.js';

export type LedgerFactKind =
  | 'deposit'
  | 'deposit-reversal'
  | 'transfer'
  | 'commission-accrued'
  | 'commission-reversed'
  | 'commission-moved'
  | 'low-balance-crossing';

export type BalanceAccount = 'agent-main' | 'agent-commission' | 'customer';

export type CallStatus = 'rated' | 'unrated' | 'unanswered';

export interface AgentChange {
  type: 'agent';
  agentId: string;
  name: string;
}

export interface CustomerChange {
  type: 'customer';
  customerId: string;
  agentId: string | null;
  accountNumber: string;
}

/** One money movement (or crossing) at the event's time, for range sums. */
export interface LedgerFact {
  type: 'ledger';
  kind: LedgerFactKind;
  agentId: string | null;
  customerId: string | null;
  accountKind: BalanceAccount;
  /** positive; for a crossing, the balance at the crossing (may be negative). */
  amountMicros: bigint;
  /** deposit source, reversal reason, commission cause or the account a reversal took from. */
  detail: string | null;
}

/** The account's balance after the event (the last one applied wins). */
export interface BalanceChange {
  type: 'balance';
  account: BalanceAccount;
  holderId: string;
  agentId: string | null;
  balanceMicros: bigint;
}

export interface CallChange {
  type: 'call';
  callId: string;
  agentId: string | null;
  customerId: string | null;
  startedAt: string;
  status: CallStatus;
  /** talk time; 0 when unanswered. */
  billsecSeconds: number;
  /** charged seconds (increments, minimums); rated calls only. */
  billedSeconds: number;
  costMicros: bigint;
  /** what the call cost the customer's agent (its assigned sheet); null = not known (ITC-direct, no agent rate, or rated before rating recorded it). */
  agentCostMicros: bigint | null;
  destinationName: string | null;
  prefix: string | null;
  /** the SIP user the CDR named; null = none (the account or a trunk address), or not published (older events). */
  sipUsername: string | null;
}

export type ReportChange = AgentChange | CustomerChange | LedgerFact | BalanceChange | CallChange;

export function changesOf(event: ReportsSourceEvent): ReportChange[] {
  switch (event.type) {
    case 'accounts.AgentRegistered':
    case 'accounts.AgentContactChanged':
      return [{ type: 'agent', agentId: event.data.agentId, name: event.data.name }];
    case 'accounts.CustomerOpened':
      return [{ type: 'customer', customerId: event.data.customerId, agentId: event.data.agentId, accountNumber: event.data.accountNumber }];

    case 'wallet.FundsDeposited': {
      const d = event.data;
      return [
        ledger('deposit', d.accountKind, d.agentId, d.customerId, d.amount, d.source),
        balance(d.accountKind, d.agentId, d.customerId, d.balanceAfter),
      ];
    }
    case 'wallet.DepositReversed': {
      const d = event.data;
      return [
        ledger('deposit-reversal', d.accountKind, d.agentId, d.customerId, d.amount, d.reason),
        balance(d.accountKind, d.agentId, d.customerId, d.balanceAfter),
      ];
    }
    case 'wallet.FundsTransferred': {
      const d = event.data;
      return [ledger('transfer', 'agent-main', d.agentId, d.customerId, d.amount, null), balance('agent-main', d.agentId, null, d.agentBalanceAfter)];
    }
    case 'wallet.BalanceChanged': {
      const d = event.data;
      return [balance(d.accountKind, d.agentId, d.customerId, d.balanceAfter)];
    }
    case 'wallet.CommissionAccrued': {
      const d = event.data;
      return [
        ledger('commission-accrued', 'agent-commission', d.agentId, d.customerId, d.amount, d.cause),
        balance('agent-commission', d.agentId, null, d.commissionBalanceAfter),
      ];
    }
    case 'wallet.CommissionReversed': {
      const d = event.data;
      const account = d.from === 'commission' ? 'agent-commission' : 'agent-main';
      return [ledger('commission-reversed', account, d.agentId, d.customerId, d.amount, d.from), balance(account, d.agentId, null, d.balanceAfter)];
    }
    case 'wallet.CommissionTransferred': {
      const d = event.data;
      // the main balance's side arrives as BalanceChanged (commission-transfer-in)
      return [
        ledger('commission-moved', 'agent-commission', d.agentId, null, d.amount, null),
        balance('agent-commission', d.agentId, null, d.commissionBalanceAfter),
      ];
    }
    case 'wallet.HoldSettled':
    case 'wallet.CallCharged':
      return [balance('customer', event.data.agentId, event.data.customerId, event.data.balanceAfter)];
    case 'wallet.LowBalanceCrossed': {
      const d = event.data;
      return [ledger('low-balance-crossing', d.accountKind, d.agentId, d.customerId, d.balance, null)];
    }

    case 'rating.CallRated':
    case 'rating.CallReRated': {
      const d = event.data;
      return [
        {
          type: 'call',
          callId: d.callId,
          agentId: d.agentId,
          customerId: d.customerId,
          startedAt: d.startedAt,
          status: 'rated',
          billsecSeconds: d.billsec,
          billedSeconds: d.billedSeconds,
          costMicros: parseMoney(d.cost, 'cost'),
          agentCostMicros: d.agentCost === undefined || d.agentCost === null ? null : parseMoney(d.agentCost, 'agentCost'),
          destinationName: d.destinationName,
          sipUsername: d.sipUsername ?? null,
          prefix: d.prefix,
        },
      ];
    }
    case 'rating.CallUnrated':
      return [unpricedCall(event.data, 'unrated', event.data.billsec)];
    case 'rating.CallUnanswered':
      return [unpricedCall(event.data, 'unanswered', 0)];
    default:
      return [];
  }
}

function ledger(kind: LedgerFactKind, accountKind: BalanceAccount, agentId: string | null, customerId: string | null, amount: string, detail: string | null): LedgerFact {
  return { type: 'ledger', kind, agentId, customerId, accountKind, amountMicros: parseMoney(amount, 'amount'), detail };
}

function balance(account: BalanceAccount, agentId: string | null, customerId: string | null, amount: string): BalanceChange {
  const holderId = account === 'customer' ? customerId : agentId;
  // the contracts make these non-null for these kinds; a null here is a producer bug, not data to guess
  if (holderId === null) throw new Error(`a ${account} balance needs its ${account === 'customer' ? 'customerId' : 'agentId'}`);
  return { type: 'balance', account, holderId, agentId, balanceMicros: parseMoney(amount, 'balance') };
}

function unpricedCall(
  d: { callId: string; agentId: string | null; customerId: string | null; startedAt: string; sipUsername?: string | null },
  status: 'unrated' | 'unanswered',
  billsecSeconds: number,
): CallChange {
  return {
    type: 'call',
    callId: d.callId,
    agentId: d.agentId,
    customerId: d.customerId,
    startedAt: d.startedAt,
    status,
    billsecSeconds,
    billedSeconds: 0,
    costMicros: 0n,
    agentCostMicros: null,
    destinationName: null,
    prefix: null,
    sipUsername: d.sipUsername ?? null,
  };
}
