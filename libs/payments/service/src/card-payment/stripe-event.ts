// A verified Stripe event (already parsed by `stripe.webhooks.constructEvent`) → what it says about
// one of our payments. Read defensively, field by field, from `data.object`: the object's shape
// follows the API version of the Stripe account, not our typings.
import { formatMoney } from '@billing/money';
import type { CardHolder, CardMetadata, PaymentFact, ReceivedStripeEvent } from './card-payment.js';

/** The metadata keys tying a PaymentIntent to a ledger account (set when we create it). */
export const METADATA = { kind: 'kind', holderId: 'holder_id', amountMicros: 'amount_micros', currency: 'currency' } as const;

export function cardMetadata(holder: CardHolder, amountMicros: bigint, currency: string): Record<string, string> {
  return {
    [METADATA.kind]: holder.kind,
    [METADATA.holderId]: holder.id,
    [METADATA.amountMicros]: amountMicros.toString(),
    [METADATA.currency]: currency,
    // for people reading the Stripe dashboard
    amount: formatMoney(amountMicros),
  };
}

export function parseCardMetadata(metadata: unknown): CardMetadata | { problem: string } {
  if (!isRecord(metadata)) return { problem: 'the payment has no metadata' };
  const kind = metadata[METADATA.kind];
  const holderId = metadata[METADATA.holderId];
  const amount = metadata[METADATA.amountMicros];
  const currency = metadata[METADATA.currency];
  if (kind !== 'agent' && kind !== 'customer') return { problem: `metadata ${METADATA.kind} must be agent or customer` };
  if (typeof holderId !== 'string' || holderId === '' || holderId.length > 128) return { problem: `metadata ${METADATA.holderId} is missing` };
  if (typeof amount !== 'string' || !/^[1-9]\d{0,24}$/.test(amount)) return { problem: `metadata ${METADATA.amountMicros} must be a positive integer` };
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) return { problem: `metadata ${METADATA.currency} must be an ISO 4217 code` };
  return { holder: { kind, id: holderId }, amountMicros: BigInt(amount), currency };
}

/** Stripe sent something we cannot read although it is signed: answered 400, never acted on. */
export class MalformedStripeEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedStripeEvent';
  }
}

/** The event types that move money; every other type is recorded (when it names a payment) and ignored. */
export const HANDLED_EVENT_TYPES = ['payment_intent.succeeded', 'charge.refunded', 'charge.dispute.created', 'charge.dispute.closed'] as const;

/**
 * The payment the event is about and what it says; undefined when it names no PaymentIntent
 * (an event of another Stripe integration, a charge without a PaymentIntent).
 */
export function readStripeEvent(event: unknown): ReceivedStripeEvent | undefined {
  if (!isRecord(event)) throw new MalformedStripeEvent('the event is not an object');
  const stripeEventId = text(event, 'id');
  const stripeType = text(event, 'type');
  const created = event.created;
  if (typeof created !== 'number' || !Number.isSafeInteger(created)) throw new MalformedStripeEvent('event.created must be a Unix time');
  const data = event.data;
  if (!isRecord(data) || !isRecord(data.object)) throw new MalformedStripeEvent('event.data.object is missing');
  const object = data.object;
  const base = { stripeEventId, stripeType, createdAt: new Date(created * 1000).toISOString(), livemode: event.livemode === true };

  switch (stripeType) {
    case 'payment_intent.succeeded': {
      const paymentIntentId = text(object, 'id');
      const fact: PaymentFact = {
        kind: 'succeeded',
        amountReceivedMinor: minor(object, 'amount_received'),
        currency: text(object, 'currency').toUpperCase(),
        metadata: parseCardMetadata(object.metadata),
      };
      return { ...base, paymentIntentId, fact, summary: summaryOf(object, ['id', 'status', 'amount', 'amount_received', 'currency', 'latest_charge']) };
    }
    case 'charge.refunded': {
      const paymentIntentId = idOf(object.payment_intent);
      if (paymentIntentId === undefined) return undefined;
      const fact: PaymentFact = {
        kind: 'refunded',
        chargeId: text(object, 'id'),
        chargeAmountMinor: minor(object, 'amount'),
        amountRefundedMinor: minor(object, 'amount_refunded'),
        currency: text(object, 'currency').toUpperCase(),
      };
      return { ...base, paymentIntentId, fact, summary: summaryOf(object, ['id', 'amount', 'amount_refunded', 'refunded', 'currency']) };
    }
    case 'charge.dispute.created': {
      const paymentIntentId = idOf(object.payment_intent);
      if (paymentIntentId === undefined) return undefined;
      const status = text(object, 'status');
      const fact: PaymentFact = {
        kind: 'dispute-opened',
        disputeId: text(object, 'id'),
        chargeId: idOf(object.charge) ?? null,
        amountMinor: minor(object, 'amount'),
        currency: text(object, 'currency').toUpperCase(),
        reason: typeof object.reason === 'string' ? object.reason : 'unknown',
        inquiry: status.startsWith('warning_'),
      };
      return { ...base, paymentIntentId, fact, summary: summaryOf(object, ['id', 'charge', 'amount', 'currency', 'reason', 'status']) };
    }
    case 'charge.dispute.closed': {
      const paymentIntentId = idOf(object.payment_intent);
      if (paymentIntentId === undefined) return undefined;
      const fact: PaymentFact = { kind: 'dispute-closed', disputeId: text(object, 'id'), status: text(object, 'status') };
      return { ...base, paymentIntentId, fact, summary: summaryOf(object, ['id', 'charge', 'amount', 'currency', 'status']) };
    }
    default: {
      const paymentIntentId = object.object === 'payment_intent' ? idOf(object.id) : idOf(object.payment_intent);
      if (paymentIntentId === undefined) return undefined;
      return { ...base, paymentIntentId, fact: { kind: 'other' }, summary: summaryOf(object, ['id', 'object', 'status']) };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(object: Record<string, unknown>, key: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw new MalformedStripeEvent(`${key} must be a non-empty string`);
  return value;
}

/** An amount in minor units: Stripe sends integers. */
function minor(object: Record<string, unknown>, key: string): bigint {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new MalformedStripeEvent(`${key} must be a non-negative integer`);
  return BigInt(value);
}

/** An expandable reference: the id string, or the expanded object's id. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isRecord(value) && typeof value.id === 'string' && value.id !== '') return value.id;
  return undefined;
}

function summaryOf(object: Record<string, unknown>, keys: readonly string[]): Record<string, string | null> {
  const summary: Record<string, string | null> = {};
  for (const key of keys) {
    const value = object[key];
    if (value === undefined) continue;
    summary[key] = value === null ? null : typeof value === 'object' ? (idOf(value) ?? null) : String(value);
  }
  return summary;
}
