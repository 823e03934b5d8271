// Stripe's webhook events as Stripe sends them (the fields our services read, and some they do not),
// signed with the `stripe` library's own test signer: one copy for every spec that plays Stripe
// towards the product (payments service, distributed e2e, browser).
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { StripeIntent } from './stripe-recorder.js';

export const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(8).toString('hex')}`;

/** An event envelope of `type` around `object`. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = stripeId('evt')) {
  return { id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type };
}

/** payment_intent.succeeded for an intent the recorder created; `amountReceived` lets a test tamper. */
export function paymentIntentSucceeded(intent: StripeIntent, overrides: { amountReceived?: number; currency?: string; metadata?: Record<string, string>; eventId?: string } = {}) {
  const amountReceived = overrides.amountReceived ?? intent.amount;
  return stripeEvent(
    'payment_intent.succeeded',
    { ...intent, amount: amountReceived, amount_received: amountReceived, currency: overrides.currency ?? intent.currency, metadata: overrides.metadata ?? intent.metadata, status: 'succeeded', latest_charge: `ch_for_${intent.id}` },
    overrides.eventId,
  );
}

/** The Stripe-Signature header Stripe would send with exactly these bytes (`timestamp` in seconds: default now). */
export function signStripeWebhook(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp === undefined ? {} : { timestamp }) });
}
