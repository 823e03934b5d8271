// Pure: one consumed v1 event → what the live feed pushes (or null). One SSE message per
// integration event, `id:` = the event id, so a client resumes exactly where it stopped. Money
// stays a decimal string, as on every other wire. `agentId` (null = ITC-direct) scopes it for ITC
// and agents; `customerId` names the customer whose own account it is about, the only customer
// that sees it (then without the agent's figures: its balance, its commission). An event that
// names no agent (accounts' CallerID lists) takes the customer's agent from the read model
// (agentLookupOf, withAgent): the projection looks it up in its transaction.
import { formatMoney, parseMoney } from '@billing/money';
import type { IntegrationEvent } from '@billing/contracts';
import type { ReportsSourceEvent } from '../intake/source-event.js';

export const LIVE_EVENT_NAMES = ['deposit', 'deposit-reversed', 'transfer', 'commission', 'balance', 'call', 'call-unanswered', 'low-balance', 'hold', 'caller-ids'] as const;
export type LiveEventName = (typeof LIVE_EVENT_NAMES)[number];

export type LiveData = Record<string, string | number | boolean | null | readonly string[]>;

export interface LiveItem {
  /** the integration event id. */
  id: string;
  event: LiveEventName;
  /** whose it is: the agent, or the customer's agent; null = ITC-direct. */
  agentId: string | null;
  /** the customer whose account it moved (a customer's stream shows it); null = not a customer's event. */
  customerId: string | null;
  /** the SSE `data:` (JSON), `occurredAt` included. */
  data: LiveData;
}

export function liveItemOf(event: ReportsSourceEvent, envelope: Pick<IntegrationEvent, 'eventId' | 'occurredAt'>): LiveItem | null {
  const item = (name: LiveEventName, agentId: string | null, data: LiveData, customerId: string | null = null): LiveItem => ({
    id: envelope.eventId,
    event: name,
    agentId,
    customerId,
    data: { ...data, occurredAt: envelope.occurredAt },
  });
  const ofCustomer = (accountKind: string, customerId: string | null) => (accountKind === 'customer' ? customerId : null);
  switch (event.type) {
    case 'wallet.FundsDeposited': {
      const d = event.data;
      return item(
        'deposit',
        d.agentId,
        {
          depositId: d.depositId,
          accountKind: d.accountKind,
          agentId: d.agentId,
          customerId: d.customerId,
          amount: d.amount,
          commission: d.commission,
          source: d.source,
          balance: d.balanceAfter,
        },
        ofCustomer(d.accountKind, d.customerId),
      );
    }
    case 'wallet.DepositReversed': {
      const d = event.data;
      return item(
        'deposit-reversed',
        d.agentId,
        {
          depositId: d.depositId,
          accountKind: d.accountKind,
          agentId: d.agentId,
          customerId: d.customerId,
          amount: d.amount,
          reason: d.reason,
          balance: d.balanceAfter,
        },
        ofCustomer(d.accountKind, d.customerId),
      );
    }
    case 'wallet.FundsTransferred': {
      const d = event.data;
      return item('transfer', d.agentId, { transferId: d.transferId, agentId: d.agentId, customerId: d.customerId, amount: d.amount, agentBalance: d.agentBalanceAfter }, d.customerId);
    }
    case 'wallet.BalanceChanged': {
      const d = event.data;
      return item(
        'balance',
        d.agentId,
        {
          accountKind: d.accountKind,
          agentId: d.agentId,
          customerId: d.customerId,
          change: d.change,
          balance: d.balanceAfter,
          cause: d.cause,
          causeId: d.causeId,
        },
        ofCustomer(d.accountKind, d.customerId),
      );
    }
    case 'wallet.HoldSettled':
    case 'wallet.CallCharged': {
      const d = event.data;
      return item(
        'balance',
        d.agentId,
        {
          accountKind: 'customer',
          agentId: d.agentId,
          customerId: d.customerId,
          change: formatMoney(-parseMoney(d.cost, 'cost')),
          balance: d.balanceAfter,
          cause: 'call',
          causeId: d.callId,
        },
        d.customerId,
      );
    }
    // a call in progress: its hold placed at authorization, then ended by its CDR (the `balance`
    // item with cause "call") or released / expired without a charge
    case 'wallet.HoldPlaced': {
      const d = event.data;
      return item('hold', d.agentId, { state: 'placed', customerId: d.customerId, agentId: d.agentId, callId: d.callId, held: d.granted, expiresAt: d.expiresAt }, d.customerId);
    }
    case 'wallet.HoldReleased':
    case 'wallet.HoldExpired': {
      const d = event.data;
      const state = event.type === 'wallet.HoldReleased' ? 'released' : 'expired';
      return item('hold', d.agentId, { state, customerId: d.customerId, agentId: d.agentId, callId: d.callId, held: d.held }, d.customerId);
    }
    case 'wallet.CommissionAccrued': {
      const d = event.data;
      return item('commission', d.agentId, {
        kind: 'accrued',
        agentId: d.agentId,
        customerId: d.customerId,
        amount: d.amount,
        account: 'agent-commission',
        balance: d.commissionBalanceAfter,
        cause: d.cause,
        causeId: d.causeId,
      });
    }
    case 'wallet.CommissionReversed': {
      const d = event.data;
      return item('commission', d.agentId, {
        kind: 'reversed',
        agentId: d.agentId,
        customerId: d.customerId,
        amount: d.amount,
        account: d.from === 'commission' ? 'agent-commission' : 'agent-main',
        balance: d.balanceAfter,
        cause: 'deposit-reversal',
        causeId: d.depositId,
      });
    }
    case 'wallet.CommissionTransferred': {
      const d = event.data;
      return item('commission', d.agentId, {
        kind: 'moved',
        agentId: d.agentId,
        customerId: null,
        amount: d.amount,
        account: 'agent-commission',
        balance: d.commissionBalanceAfter,
        cause: 'commission-transfer',
        causeId: d.commissionTransferId,
      });
    }
    case 'wallet.LowBalanceCrossed': {
      const d = event.data;
      return item(
        'low-balance',
        d.agentId,
        { accountKind: d.accountKind, agentId: d.agentId, customerId: d.customerId, balance: d.balance, threshold: d.threshold },
        ofCustomer(d.accountKind, d.customerId),
      );
    }
    case 'rating.CallRated':
    case 'rating.CallReRated': {
      const d = event.data;
      return item(
        'call',
        d.agentId,
        {
          callId: d.callId,
          agentId: d.agentId,
          customerId: d.customerId,
          destination: d.destination,
          destinationName: d.destinationName,
          startedAt: d.startedAt,
          billsec: d.billsec,
          billedSeconds: d.billedSeconds,
          cost: d.cost,
          reRated: event.type === 'rating.CallReRated',
        },
        d.customerId,
      );
    }
    // a call that was not answered: no charge (its hold is released), an attempt in the call history.
    // One of no known account (a scanner probing the switch) is no one's history: no live item, or
    // such traffic would flood ITC's stream, the replay buffer and the projection order.
    case 'rating.CallUnanswered': {
      const d = event.data;
      if (d.customerId === null) return null;
      return item(
        'call-unanswered',
        d.agentId,
        { callId: d.callId, agentId: d.agentId, customerId: d.customerId, destination: d.destination, startedAt: d.startedAt, disposition: d.disposition },
        d.customerId,
      );
    }
    // the approved CallerIDs after an approval, an addition by the agent or ITC, a removal or a new
    // default; the agent is the customer's (withAgent)
    case 'accounts.CustomerCallerIdsChanged': {
      const d = event.data;
      return item('caller-ids', null, { customerId: d.customerId, agentId: null, callerIds: [...d.callerIds], defaultCallerId: d.defaultCallerId }, d.customerId);
    }
    // the pending CallerIDs after a request or a refusal: the same event, so a page that shows a
    // customer's CallerIDs reads them again on either
    case 'accounts.CustomerCallerIdRequestsChanged': {
      const d = event.data;
      return item('caller-ids', null, { customerId: d.customerId, agentId: null, callerId: d.callerId, change: d.change, pendingCallerIds: [...d.pendingCallerIds] }, d.customerId);
    }
    default:
      return null;
  }
}

/** The customer whose agent the item of `event` needs from the read model (the event names none), else null. */
export function agentLookupOf(event: ReportsSourceEvent): string | null {
  return event.type === 'accounts.CustomerCallerIdsChanged' || event.type === 'accounts.CustomerCallerIdRequestsChanged' ? event.data.customerId : null;
}

/** The item scoped to `agentId` (null = ITC-direct, or a customer reports does not know yet). */
export function withAgent(item: LiveItem, agentId: string | null): LiveItem {
  return { ...item, agentId, data: { ...item.data, agentId } };
}

/** The agent's figures a customer's stream leaves out of its own events (the agent's balance and commission). */
const AGENT_ONLY_FIELDS: Partial<Record<LiveEventName, readonly string[]>> = {
  deposit: ['commission'],
  transfer: ['agentBalance'],
};

/** The item as its customer sees it. */
export function customerViewOf(item: LiveItem): LiveItem {
  const hidden = AGENT_ONLY_FIELDS[item.event];
  if (hidden === undefined) return item;
  return { ...item, data: Object.fromEntries(Object.entries(item.data).filter(([key]) => !hidden.includes(key))) };
}
