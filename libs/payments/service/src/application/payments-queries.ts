// A card payment as people see it: where it stands and its audit trail, folded from payment-{pi}.
import { formatMoney } from '@billing/money';
import { WalletQueries } from '@billing/wallet-service';
import { customerAccount } from '@billing/wallet-domain';
import { Injectable } from '@nestjs/common';
import type { CardHolder, CardPaymentState, PaymentEvent } from '../card-payment/card-payment.js';
import type { CardPaymentView } from '../http/payments.responses.js';
import { PaymentsDatabase } from '../infrastructure/payments-database.js';

export type CardPaymentStatus = 'requested' | 'refused' | 'processing' | 'credited' | 'partially_refunded' | 'refunded' | 'disputed' | 'credit_refused';

export interface CardPaymentDetails {
  holder: CardHolder;
  /** the agent that owns the holder (itself for an agent; null for an ITC-direct customer). */
  agentId: string | null;
  view: CardPaymentView;
}

@Injectable()
export class PaymentsQueries {
  constructor(
    private readonly db: PaymentsDatabase,
    private readonly wallet: WalletQueries,
  ) {}

  async payment(paymentIntentId: string): Promise<CardPaymentDetails | undefined> {
    const { state, events } = await this.db.loadPayment(paymentIntentId);
    const holder = state.requested?.holder ?? state.succeeded?.holder;
    if (holder === undefined) return undefined;
    const agentId = holder.kind === 'agent' ? holder.id : ((await this.wallet.balance(customerAccount(holder.id)))?.agentId ?? null);
    const amountMicros = state.requested?.amountMicros ?? state.succeeded?.amountMicros ?? 0n;
    return {
      holder,
      agentId,
      view: {
        paymentIntentId,
        kind: holder.kind,
        holderId: holder.id,
        amount: formatMoney(amountMicros),
        currency: state.requested?.currency ?? null,
        status: statusOf(state, events.map((event) => event.data)),
        credited: formatMoney(state.live?.amountMicros ?? 0n),
        refunded: formatMoney(state.refundedMicros),
        events: events.map((event) => ({ type: event.type, recordedAt: event.recordedAt.toISOString(), ...auditFields(event.data) })),
      },
    };
  }
}

export function statusOf(state: CardPaymentState, events: readonly PaymentEvent[]): CardPaymentStatus {
  if (state.live !== null) return state.refundedMicros > 0n ? 'partially_refunded' : 'credited';
  if (state.succeeded !== null) {
    if (state.pending !== null) return 'processing';
    if (state.disputesHolding.size > 0) return 'disputed';
    if (state.refundedMicros >= state.succeeded.amountMicros) return 'refunded';
    return 'credit_refused';
  }
  return events.some((event) => event.type === 'CardPaymentRefused') ? 'refused' : 'requested';
}

/** The event's own fields for people: `…Micros` amounts as decimal strings (key without the suffix), other bigints as strings. */
function auditFields(event: PaymentEvent): Record<string, unknown> {
  const { type: _type, ...fields } = toWire(event) as Record<string, unknown>;
  return fields;
}

function toWire(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'bigint' && key.endsWith('Micros')) out[key.slice(0, -'Micros'.length)] = formatMoney(field);
    else out[key] = toWire(field);
  }
  return out;
}
