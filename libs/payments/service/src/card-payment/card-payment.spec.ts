// The rules of one card payment, without I/O: what each Stripe event records and which wallet
// effects it plans.
import { parseMoney } from '@billing/money';
import {
  decideStripeEvent,
  depositIdFor,
  evolveCardPayment,
  foldCardPayment,
  initialCardPaymentState,
  outcomeOf,
  type CardMetadata,
  type CardPaymentState,
  type PaymentEvent,
  type PaymentFact,
  type ReceivedStripeEvent,
  type WalletEffectsPlanned,
} from './card-payment.js';

const PI = 'pi_1';
const NOW = '2025-01-01T00:00:00.000Z';
const customer = { kind: 'customer', id: 'cu-1' } as const;
const metadata: CardMetadata = { holder: customer, amountMicros: parseMoney('25.5'), currency: 'USD' };
let sequence = 0;

function received(fact: PaymentFact, stripeEventId = `evt_${++sequence}`): ReceivedStripeEvent {
  return { stripeEventId, stripeType: fact.kind, paymentIntentId: PI, createdAt: NOW, livemode: false, summary: {}, fact };
}
const succeeded = (amountReceivedMinor = 2550n, more: Partial<Extract<PaymentFact, { kind: 'succeeded' }>> = {}) =>
  received({ kind: 'succeeded', amountReceivedMinor, currency: 'USD', metadata, ...more });
const refunded = (amountRefundedMinor: bigint) => received({ kind: 'refunded', chargeId: 'ch_1', chargeAmountMinor: 2550n, amountRefundedMinor, currency: 'USD' });
const disputed = (disputeId = 'dp_1', inquiry = false) =>
  received({ kind: 'dispute-opened', disputeId, chargeId: 'ch_1', amountMinor: 2550n, currency: 'USD', reason: 'fraudulent', inquiry });
const disputeClosed = (status: string, disputeId = 'dp_1') => received({ kind: 'dispute-closed', disputeId, status });

/** decides, then "runs" the plan as the wallet would (every effect succeeds) and records the outcomes. */
function handle(state: CardPaymentState, event: ReceivedStripeEvent) {
  const decision = decideStripeEvent(state, event, 'USD', NOW);
  let next = decision.events.reduce(evolveCardPayment, state);
  const plan = decision.events.find((e): e is WalletEffectsPlanned => e.type === 'WalletEffectsPlanned');
  if (next.pending !== null) {
    const pending = next.pending;
    const outcomes = pending.effects.map((effect, index) =>
      outcomeOf(pending, index, effect.kind === 'credit' ? { kind: 'credited', amountMicros: effect.amountMicros, commissionMicros: 0n, balanceAfterMicros: effect.amountMicros } : { kind: 'reversed', amountMicros: next.live!.amountMicros, balanceAfterMicros: 0n }),
    );
    next = outcomes.reduce<CardPaymentState>(evolveCardPayment, next);
  }
  return { decision, state: next, effects: plan?.effects ?? [] };
}

function run(...events: ReceivedStripeEvent[]) {
  let state = initialCardPaymentState();
  const all = [];
  for (const event of events) {
    const result = handle(state, event);
    state = result.state;
    all.push(result);
  }
  return { state, results: all };
}

describe('a card payment', () => {
  it('succeeded → credits the amount once, as deposit card-{pi}', () => {
    const { state, results } = run(succeeded());
    expect(results[0]!.decision.outcome).toBe('processed');
    expect(results[0]!.effects).toEqual([{ kind: 'credit', depositId: 'card-pi_1', holder: customer, amountMicros: parseMoney('25.5') }]);
    expect(state.live).toEqual({ depositId: 'card-pi_1', holder: customer, amountMicros: parseMoney('25.5') });
  });

  it('the same Stripe event again → nothing (dedupe by event id)', () => {
    const event = succeeded();
    const { results } = run(event, event, event);
    expect(results.map((r) => r.decision.outcome)).toEqual(['processed', 'duplicate', 'duplicate']);
    expect(results.slice(1).every((r) => r.decision.events.length === 0)).toBe(true);
  });

  it('another "succeeded" event for the same PaymentIntent → recorded, credits nothing (dedupe by payment)', () => {
    const { results } = run(succeeded(), succeeded());
    expect(results[1]!.decision.outcome).toBe('duplicate');
    expect(results[1]!.decision.events.map((e) => e.type)).toEqual(['StripeEventReceived']);
  });

  it.each([
    ['amount_mismatch', succeeded(2549n), 'received 2549 minor units of USD, the payment was for 2550'],
    ['currency_mismatch', succeeded(2550n, { currency: 'EUR' }), 'paid in EUR, the deployment bills in USD'],
    ['metadata_invalid', succeeded(2550n, { metadata: { problem: 'the payment has no metadata' } }), 'the payment has no metadata'],
  ])('refuses a success that contradicts the request: %s', (code, event, detail) => {
    const { state, results } = run(event);
    expect(results[0]!.decision.outcome).toBe('refused');
    expect(results[0]!.decision.events).toContainEqual({ type: 'CardPaymentRefused', stripeEventId: event.stripeEventId, code, detail });
    expect(results[0]!.effects).toEqual([]);
    expect(state.live).toBeNull();
  });

  it('refuses a success whose metadata differs from the recorded request', () => {
    const requested: PaymentEvent = { type: 'CardPaymentRequested', paymentIntentId: PI, holder: customer, amountMicros: parseMoney('10'), currency: 'USD', amountMinor: 1000n, requestedBy: 'customer:cu-1', requestedAt: NOW };
    const decision = decideStripeEvent(foldCardPayment([requested]), succeeded(), 'USD', NOW);
    expect(decision.events).toContainEqual(expect.objectContaining({ type: 'CardPaymentRefused', code: 'metadata_mismatch' }));
  });

  it('a full refund reverses the deposit (with its commission, in the wallet)', () => {
    const { state, results } = run(succeeded(), refunded(2550n));
    expect(results[1]!.effects).toEqual([{ kind: 'reverse', depositId: 'card-pi_1', holder: customer, reason: 'refund' }]);
    expect(state.live).toBeNull();
  });

  it('a partial refund reverses the deposit and credits the rest as a new deposit; later refunds repeat that', () => {
    const { state, results } = run(succeeded(), refunded(1000n), refunded(2000n));
    expect(results[1]!.effects).toEqual([
      { kind: 'reverse', depositId: 'card-pi_1', holder: customer, reason: 'refund' },
      { kind: 'credit', depositId: 'card-pi_1-1', holder: customer, amountMicros: parseMoney('15.5') },
    ]);
    expect(results[2]!.effects).toEqual([
      { kind: 'reverse', depositId: 'card-pi_1-1', holder: customer, reason: 'refund' },
      { kind: 'credit', depositId: 'card-pi_1-2', holder: customer, amountMicros: parseMoney('5.5') },
    ]);
    expect(state.live?.amountMicros).toBe(parseMoney('5.5'));
  });

  it('an older refund event arriving late changes nothing', () => {
    const { results } = run(succeeded(), refunded(2000n), refunded(1000n));
    expect(results[2]!.decision.outcome).toBe('duplicate');
    expect(results[2]!.effects).toEqual([]);
  });

  it('a refund before the success: the success credits only what was not refunded', () => {
    const { state, results } = run(refunded(2550n), succeeded());
    expect(results[0]!.effects).toEqual([]);
    expect(results[1]!.effects).toEqual([]);
    expect(state.live).toBeNull();
  });

  it('a dispute reverses as a chargeback; an inquiry does not; a won dispute credits again', () => {
    const { state, results } = run(succeeded(), disputed('dp_0', true), disputed('dp_1'), disputeClosed('won', 'dp_1'));
    expect(results[1]!.effects).toEqual([]);
    expect(results[2]!.effects).toEqual([{ kind: 'reverse', depositId: 'card-pi_1', holder: customer, reason: 'chargeback' }]);
    expect(results[3]!.effects).toEqual([{ kind: 'credit', depositId: 'card-pi_1-1', holder: customer, amountMicros: parseMoney('25.5') }]);
    expect(state.live?.depositId).toBe(depositIdFor(PI, 1));
  });

  it('a lost dispute keeps the deposit reversed', () => {
    const { state, results } = run(succeeded(), disputed(), disputeClosed('lost'));
    expect(results[2]!.effects).toEqual([]);
    expect(state.live).toBeNull();
  });

  it('unknown event types are recorded and ignored', () => {
    const { results } = run(received({ kind: 'other' }));
    expect(results[0]!.decision.outcome).toBe('ignored');
    expect(results[0]!.decision.events.map((e) => e.type)).toEqual(['StripeEventReceived']);
  });

  it('a plan stays pending until every effect has an outcome, and nothing new is decided meanwhile', () => {
    const decision = decideStripeEvent(initialCardPaymentState(), succeeded(), 'USD', NOW);
    const state = decision.events.reduce(evolveCardPayment, initialCardPaymentState());
    expect(state.pending?.effects).toHaveLength(1);
    expect(() => decideStripeEvent(state, refunded(100n), 'USD', NOW)).toThrow('finish the pending plan before deciding');
  });
});
