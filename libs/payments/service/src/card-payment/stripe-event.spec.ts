import { cardMetadata, MalformedStripeEvent, parseCardMetadata, readStripeEvent } from './stripe-event.js';

const event = (type: string, object: Record<string, unknown>) => ({ id: 'evt_1', object: 'event', type, created: 1_700_000_000, livemode: false, data: { object } });

describe('reading Stripe events', () => {
  it('metadata round-trips: kind, holder id, amount micros, currency', () => {
    const metadata = cardMetadata({ kind: 'customer', id: 'cu-1' }, 25_500_000n, 'USD');
    expect(metadata).toEqual({ kind: 'customer', holder_id: 'cu-1', amount_micros: '25500000', currency: 'USD', amount: '25.5' });
    expect(parseCardMetadata(metadata)).toEqual({ holder: { kind: 'customer', id: 'cu-1' }, amountMicros: 25_500_000n, currency: 'USD' });
  });

  it('metadata that is not ours is a problem, not an exception', () => {
    expect(parseCardMetadata({})).toEqual({ problem: 'metadata kind must be agent or customer' });
    expect(parseCardMetadata({ kind: 'agent', holder_id: 'a', amount_micros: '-5', currency: 'USD' })).toEqual({ problem: 'metadata amount_micros must be a positive integer' });
    expect(parseCardMetadata(undefined)).toEqual({ problem: 'the payment has no metadata' });
  });

  it('payment_intent.succeeded → the amount received, the currency, the metadata', () => {
    const read = readStripeEvent(
      event('payment_intent.succeeded', { id: 'pi_1', object: 'payment_intent', amount: 2550, amount_received: 2550, currency: 'usd', metadata: cardMetadata({ kind: 'agent', id: 'ag-1' }, 25_500_000n, 'USD'), status: 'succeeded' }),
    );
    expect(read).toMatchObject({
      stripeEventId: 'evt_1',
      paymentIntentId: 'pi_1',
      createdAt: '2023-11-14T22:13:20.000Z',
      fact: { kind: 'succeeded', amountReceivedMinor: 2550n, currency: 'USD', metadata: { holder: { kind: 'agent', id: 'ag-1' }, amountMicros: 25_500_000n } },
      summary: { id: 'pi_1', status: 'succeeded', amount: '2550', amount_received: '2550', currency: 'usd' },
    });
  });

  it('charge.refunded and disputes find their PaymentIntent (id or expanded object)', () => {
    expect(readStripeEvent(event('charge.refunded', { id: 'ch_1', amount: 2550, amount_refunded: 1000, currency: 'usd', payment_intent: 'pi_1' }))).toMatchObject({
      paymentIntentId: 'pi_1',
      fact: { kind: 'refunded', chargeId: 'ch_1', chargeAmountMinor: 2550n, amountRefundedMinor: 1000n, currency: 'USD' },
    });
    expect(readStripeEvent(event('charge.dispute.created', { id: 'dp_1', amount: 2550, charge: 'ch_1', currency: 'usd', payment_intent: { id: 'pi_1' }, status: 'needs_response' }))).toMatchObject({
      paymentIntentId: 'pi_1',
      fact: { kind: 'dispute-opened', disputeId: 'dp_1', chargeId: 'ch_1', inquiry: false },
    });
    expect(readStripeEvent(event('charge.dispute.created', { id: 'dp_2', amount: 2550, charge: 'ch_1', currency: 'usd', payment_intent: 'pi_1', status: 'warning_needs_response' }))).toMatchObject({
      fact: { kind: 'dispute-opened', inquiry: true },
    });
  });

  it('events that name no PaymentIntent are not routed; other types with one are "other"', () => {
    expect(readStripeEvent(event('charge.refunded', { id: 'ch_1', amount: 1, amount_refunded: 1, currency: 'usd', payment_intent: null }))).toBeUndefined();
    expect(readStripeEvent(event('customer.created', { id: 'cus_1', object: 'customer' }))).toBeUndefined();
    expect(readStripeEvent(event('payment_intent.created', { id: 'pi_1', object: 'payment_intent' }))).toMatchObject({ paymentIntentId: 'pi_1', fact: { kind: 'other' } });
  });

  it('a signed event we cannot read is malformed (never guessed at)', () => {
    expect(() => readStripeEvent(event('payment_intent.succeeded', { id: 'pi_1', amount_received: '2550', currency: 'usd' }))).toThrow(MalformedStripeEvent);
    expect(() => readStripeEvent({ id: 'evt_1', type: 'x', created: 1 })).toThrow('event.data.object is missing');
  });
});
