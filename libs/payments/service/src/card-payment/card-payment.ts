// The life of one card payment — one Stripe PaymentIntent — as this service records it in the
// stream `payment-{paymentIntentId}`. Pure: no I/O, no clock (times come in), no framework.
//
// Stripe tells us facts (succeeded, refunded so far, disputed, dispute won); the wallet must hold
// exactly what those facts add up to. `decideStripeEvent` turns one verified Stripe event into
// recorded facts plus a plan of wallet effects (credit a deposit, reverse a deposit), computed by
// `reconcile` from the state alone:
//
//   target = succeeded and no dispute holding the money ? amount − refunded so far : 0
//   the live deposit ≠ target → reverse the live deposit (with its commission), credit target
//
// Every effect has a deterministic id (`card-{pi}`, then `card-{pi}-1`, …) and the wallet applies
// an id once, so running a plan twice — a redelivery, two deliveries at once, a restart between
// the effects and their record — changes nothing. The plan is recorded BEFORE the effects run
// (`WalletEffectsPlanned`) and finished by whoever loads the stream next, so a crash between a
// plan's effects and their outcomes can never leave a credit the stream does not know about.
import { invariant, RejectedCommand } from '@billing/decider';
import { fromMinorUnits, toMinorUnits } from '../currency/minor-units.js';

export type HolderKind = 'agent' | 'customer';

export interface CardHolder {
  readonly kind: HolderKind;
  readonly id: string;
}

/** What our PaymentIntent's metadata says (set by us when we created it). */
export interface CardMetadata {
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
  readonly currency: string;
}

export type ReversalReason = 'refund' | 'chargeback';

/** What a verified Stripe event says about the payment (stripe-event.ts reads it from the event). */
export type PaymentFact =
  | { readonly kind: 'succeeded'; readonly amountReceivedMinor: bigint; readonly currency: string; readonly metadata: CardMetadata | { readonly problem: string } }
  | { readonly kind: 'refunded'; readonly chargeId: string; readonly chargeAmountMinor: bigint; readonly amountRefundedMinor: bigint; readonly currency: string }
  | {
      readonly kind: 'dispute-opened';
      readonly disputeId: string;
      readonly chargeId: string | null;
      readonly amountMinor: bigint;
      readonly currency: string;
      readonly reason: string;
      /** an inquiry (`warning_*` status) moves no money: recorded, nothing reversed. */
      readonly inquiry: boolean;
    }
  | { readonly kind: 'dispute-closed'; readonly disputeId: string; readonly status: string }
  | { readonly kind: 'other' };

export interface ReceivedStripeEvent {
  readonly stripeEventId: string;
  readonly stripeType: string;
  readonly paymentIntentId: string;
  /** the event's `created`, ISO 8601. */
  readonly createdAt: string;
  readonly livemode: boolean;
  /** the object's fields we keep for the audit (ids, amounts as strings, statuses). */
  readonly summary: Readonly<Record<string, string | null>>;
  readonly fact: PaymentFact;
}

export type WalletEffect =
  | { readonly kind: 'credit'; readonly depositId: string; readonly holder: CardHolder; readonly amountMicros: bigint }
  | { readonly kind: 'reverse'; readonly depositId: string; readonly holder: CardHolder; readonly reason: ReversalReason };

// ── events of `payment-{pi}` ────────────────────────────────────────────────────────────────
export interface CardPaymentRequested {
  readonly type: 'CardPaymentRequested';
  readonly paymentIntentId: string;
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly requestedBy: string;
  readonly requestedAt: string;
}
export interface StripeEventReceived {
  readonly type: 'StripeEventReceived';
  readonly paymentIntentId: string;
  readonly stripeEventId: string;
  readonly stripeType: string;
  readonly createdAt: string;
  readonly livemode: boolean;
  readonly receivedAt: string;
  readonly summary: Readonly<Record<string, string | null>>;
}
export interface CardPaymentSucceeded {
  readonly type: 'CardPaymentSucceeded';
  readonly stripeEventId: string;
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
  readonly amountMinor: bigint;
  readonly currency: string;
}
/** A Stripe event we do not act on because it contradicts what we asked for (never credited). */
export interface CardPaymentRefused {
  readonly type: 'CardPaymentRefused';
  readonly stripeEventId: string;
  readonly code: RefusalCode;
  readonly detail: string;
}
export interface CardRefundRecorded {
  readonly type: 'CardRefundRecorded';
  readonly stripeEventId: string;
  readonly chargeId: string;
  /** cumulative, as Stripe reports it on the charge. */
  readonly refundedMinor: bigint;
  readonly refundedMicros: bigint;
  readonly full: boolean;
}
export interface CardDisputeOpened {
  readonly type: 'CardDisputeOpened';
  readonly stripeEventId: string;
  readonly disputeId: string;
  readonly chargeId: string | null;
  readonly amountMinor: bigint;
  readonly reason: string;
  readonly inquiry: boolean;
}
export interface CardDisputeClosed {
  readonly type: 'CardDisputeClosed';
  readonly stripeEventId: string;
  readonly disputeId: string;
  readonly status: string;
  /** won: the money is back with us, the deposit is credited again. */
  readonly reinstated: boolean;
}
export interface WalletEffectsPlanned {
  readonly type: 'WalletEffectsPlanned';
  /** the Stripe event id whose handling planned them. */
  readonly planId: string;
  readonly effects: readonly WalletEffect[];
}
export interface CardDepositCredited {
  readonly type: 'CardDepositCredited';
  readonly planId: string;
  readonly effectIndex: number;
  readonly depositId: string;
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
  readonly commissionMicros: bigint;
  readonly balanceAfterMicros: bigint;
}
export interface CardDepositReversed {
  readonly type: 'CardDepositReversed';
  readonly planId: string;
  readonly effectIndex: number;
  readonly depositId: string;
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
  readonly reason: ReversalReason;
  readonly balanceAfterMicros: bigint;
}
/** The wallet said no (e.g. the account was closed meanwhile): recorded for ITC, not retried. */
export interface WalletEffectRefused {
  readonly type: 'WalletEffectRefused';
  readonly planId: string;
  readonly effectIndex: number;
  readonly depositId: string;
  readonly code: string;
  readonly message: string;
}

export type PaymentEvent =
  | CardPaymentRequested
  | StripeEventReceived
  | CardPaymentSucceeded
  | CardPaymentRefused
  | CardRefundRecorded
  | CardDisputeOpened
  | CardDisputeClosed
  | WalletEffectsPlanned
  | CardDepositCredited
  | CardDepositReversed
  | WalletEffectRefused;

export type EffectOutcome = CardDepositCredited | CardDepositReversed | WalletEffectRefused;

export type RefusalCode = 'metadata_invalid' | 'metadata_mismatch' | 'currency_mismatch' | 'amount_mismatch';

// ── state ───────────────────────────────────────────────────────────────────────────────────
export interface LiveDeposit {
  readonly depositId: string;
  readonly holder: CardHolder;
  readonly amountMicros: bigint;
}

export interface PendingPlan {
  readonly planId: string;
  readonly effects: readonly WalletEffect[];
  readonly done: ReadonlySet<number>;
}

export interface CardPaymentState {
  readonly requested: CardMetadata | null;
  /** Stripe event ids already handled: a redelivery changes nothing. */
  readonly handledEvents: ReadonlySet<string>;
  readonly succeeded: { readonly holder: CardHolder; readonly amountMicros: bigint } | null;
  readonly refundedMicros: bigint;
  /** disputes that hold the money (opened, not inquiries, not won). */
  readonly disputesHolding: ReadonlySet<string>;
  readonly disputesSeen: ReadonlySet<string>;
  /** credits planned so far: the next credit's deposit id is `depositIdFor(pi, creditsPlanned)`. */
  readonly creditsPlanned: number;
  /** the deposit the wallet holds for this payment now (credited, not reversed). */
  readonly live: LiveDeposit | null;
  readonly pending: PendingPlan | null;
}

export function initialCardPaymentState(): CardPaymentState {
  return {
    requested: null,
    handledEvents: new Set(),
    succeeded: null,
    refundedMicros: 0n,
    disputesHolding: new Set(),
    disputesSeen: new Set(),
    creditsPlanned: 0,
    live: null,
    pending: null,
  };
}

/** The wallet deposit id of the n-th credit of a payment: `card-{pi}` first, then `card-{pi}-{n}`. */
export function depositIdFor(paymentIntentId: string, n: number): string {
  return n === 0 ? `card-${paymentIntentId}` : `card-${paymentIntentId}-${n}`;
}

export const paymentStreamId = (paymentIntentId: string) => `payment-${paymentIntentId}`;

export function evolveCardPayment(state: CardPaymentState, event: PaymentEvent): CardPaymentState {
  switch (event.type) {
    case 'CardPaymentRequested':
      return { ...state, requested: { holder: event.holder, amountMicros: event.amountMicros, currency: event.currency } };
    case 'StripeEventReceived':
      return { ...state, handledEvents: new Set([...state.handledEvents, event.stripeEventId]) };
    case 'CardPaymentSucceeded':
      invariant(state.succeeded === null, `a payment succeeds once (${event.stripeEventId})`);
      return { ...state, succeeded: { holder: event.holder, amountMicros: event.amountMicros } };
    case 'CardPaymentRefused':
      return state;
    case 'CardRefundRecorded':
      invariant(event.refundedMicros > state.refundedMicros, 'refunds only grow');
      return { ...state, refundedMicros: event.refundedMicros };
    case 'CardDisputeOpened':
      return {
        ...state,
        disputesSeen: new Set([...state.disputesSeen, event.disputeId]),
        disputesHolding: event.inquiry ? state.disputesHolding : new Set([...state.disputesHolding, event.disputeId]),
      };
    case 'CardDisputeClosed': {
      if (!event.reinstated) return state;
      const holding = new Set(state.disputesHolding);
      holding.delete(event.disputeId);
      return { ...state, disputesHolding: holding };
    }
    case 'WalletEffectsPlanned':
      invariant(state.pending === null, `plan ${event.planId} while ${state.pending?.planId} is unfinished`);
      return {
        ...state,
        creditsPlanned: state.creditsPlanned + event.effects.filter((effect) => effect.kind === 'credit').length,
        pending: event.effects.length === 0 ? null : { planId: event.planId, effects: event.effects, done: new Set() },
      };
    case 'CardDepositCredited':
      return finishEffect({ ...state, live: { depositId: event.depositId, holder: event.holder, amountMicros: event.amountMicros } }, event);
    case 'CardDepositReversed':
      return finishEffect({ ...state, live: state.live?.depositId === event.depositId ? null : state.live }, event);
    case 'WalletEffectRefused':
      return finishEffect(state, event);
  }
}

function finishEffect(state: CardPaymentState, outcome: EffectOutcome): CardPaymentState {
  const pending = state.pending;
  invariant(pending !== null && pending.planId === outcome.planId, `outcome of plan ${outcome.planId} that is not pending`);
  const done = new Set([...pending.done, outcome.effectIndex]);
  return { ...state, pending: done.size === pending.effects.length ? null : { ...pending, done } };
}

export function foldCardPayment(events: readonly PaymentEvent[]): CardPaymentState {
  return events.reduce(evolveCardPayment, initialCardPaymentState());
}

/** What happened to one Stripe event, as the webhook answers it. */
export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored' | 'refused';

export interface Decision {
  readonly events: PaymentEvent[];
  readonly outcome: WebhookOutcome;
}

/**
 * One verified Stripe event → what to record (the receipt first, then facts, then the plan).
 * `currency` is the deployment's (upper case); `now` the receipt time.
 */
export function decideStripeEvent(state: CardPaymentState, received: ReceivedStripeEvent, currency: string, now: string): Decision {
  invariant(state.pending === null, 'finish the pending plan before deciding');
  if (state.handledEvents.has(received.stripeEventId)) return { events: [], outcome: 'duplicate' };
  const receipt: StripeEventReceived = {
    type: 'StripeEventReceived',
    paymentIntentId: received.paymentIntentId,
    stripeEventId: received.stripeEventId,
    stripeType: received.stripeType,
    createdAt: received.createdAt,
    livemode: received.livemode,
    receivedAt: now,
    summary: received.summary,
  };
  const judged = judge(state, received, currency);
  const facts = judged.facts;
  const after = [receipt, ...facts].reduce(evolveCardPayment, state);
  const effects = reconcile(after, received.paymentIntentId);
  const plan: WalletEffectsPlanned[] = effects.length === 0 ? [] : [{ type: 'WalletEffectsPlanned', planId: received.stripeEventId, effects }];
  return { events: [receipt, ...facts, ...plan], outcome: judged.outcome };
}

function judge(state: CardPaymentState, received: ReceivedStripeEvent, currency: string): { facts: PaymentEvent[]; outcome: WebhookOutcome } {
  const stripeEventId = received.stripeEventId;
  const refuse = (code: RefusalCode, detail: string) => ({ facts: [{ type: 'CardPaymentRefused', stripeEventId, code, detail } as const], outcome: 'refused' as const });
  const fact = received.fact;
  switch (fact.kind) {
    case 'succeeded': {
      // dedupe by payment intent: a second "succeeded" (another event id) credits nothing more
      if (state.succeeded !== null) return { facts: [], outcome: 'duplicate' };
      if ('problem' in fact.metadata) return refuse('metadata_invalid', fact.metadata.problem);
      const metadata = fact.metadata;
      if (metadata.currency !== currency) return refuse('currency_mismatch', `the metadata says ${metadata.currency}, the deployment bills in ${currency}`);
      if (fact.currency !== currency) return refuse('currency_mismatch', `paid in ${fact.currency}, the deployment bills in ${currency}`);
      const requested = state.requested;
      if (requested !== null && !sameRequest(requested, metadata)) return refuse('metadata_mismatch', 'the metadata differs from the payment we created');
      let expectedMinor: bigint;
      try {
        expectedMinor = toMinorUnits(metadata.amountMicros, currency);
      } catch (error) {
        return refuse('metadata_invalid', `amount_micros: ${(error as Error).message}`);
      }
      if (fact.amountReceivedMinor !== expectedMinor) {
        return refuse('amount_mismatch', `received ${fact.amountReceivedMinor} minor units of ${currency}, the payment was for ${expectedMinor}`);
      }
      return {
        facts: [{ type: 'CardPaymentSucceeded', stripeEventId, holder: metadata.holder, amountMicros: metadata.amountMicros, amountMinor: expectedMinor, currency }],
        outcome: 'processed',
      };
    }
    case 'refunded': {
      if (fact.currency !== currency) return refuse('currency_mismatch', `refunded in ${fact.currency}, the deployment bills in ${currency}`);
      const refundedMicros = fromMinorUnits(fact.amountRefundedMinor, currency);
      // charge.refunded carries the cumulative amount; an older (out-of-order) one changes nothing
      if (refundedMicros <= state.refundedMicros) return { facts: [], outcome: 'duplicate' };
      return {
        facts: [
          {
            type: 'CardRefundRecorded',
            stripeEventId,
            chargeId: fact.chargeId,
            refundedMinor: fact.amountRefundedMinor,
            refundedMicros,
            full: fact.amountRefundedMinor >= fact.chargeAmountMinor,
          },
        ],
        outcome: 'processed',
      };
    }
    case 'dispute-opened': {
      if (state.disputesSeen.has(fact.disputeId)) return { facts: [], outcome: 'duplicate' };
      return {
        facts: [
          { type: 'CardDisputeOpened', stripeEventId, disputeId: fact.disputeId, chargeId: fact.chargeId, amountMinor: fact.amountMinor, reason: fact.reason, inquiry: fact.inquiry },
        ],
        outcome: 'processed',
      };
    }
    case 'dispute-closed': {
      const reinstated = fact.status === 'won' && state.disputesHolding.has(fact.disputeId);
      return { facts: [{ type: 'CardDisputeClosed', stripeEventId, disputeId: fact.disputeId, status: fact.status, reinstated }], outcome: 'processed' };
    }
    case 'other':
      return { facts: [], outcome: 'ignored' };
  }
}

function sameRequest(a: CardMetadata, b: CardMetadata): boolean {
  return a.holder.kind === b.holder.kind && a.holder.id === b.holder.id && a.amountMicros === b.amountMicros && a.currency === b.currency;
}

/** The wallet effects that make the live deposit equal what the facts add up to. */
export function reconcile(state: CardPaymentState, paymentIntentId: string): WalletEffect[] {
  const succeeded = state.succeeded;
  const remaining = succeeded === null ? 0n : succeeded.amountMicros - state.refundedMicros;
  const targetMicros = succeeded !== null && state.disputesHolding.size === 0 && remaining > 0n ? remaining : 0n;
  const liveMicros = state.live?.amountMicros ?? 0n;
  if (liveMicros === targetMicros) return [];
  const effects: WalletEffect[] = [];
  if (state.live !== null) {
    effects.push({ kind: 'reverse', depositId: state.live.depositId, holder: state.live.holder, reason: state.disputesHolding.size > 0 ? 'chargeback' : 'refund' });
  }
  if (targetMicros > 0n && succeeded !== null) {
    effects.push({ kind: 'credit', depositId: depositIdFor(paymentIntentId, state.creditsPlanned), holder: succeeded.holder, amountMicros: targetMicros });
  }
  return effects;
}

/** The outcome events of a plan whose effects ran (results in effect order). */
export function outcomeOf(
  plan: PendingPlan,
  effectIndex: number,
  result: { kind: 'credited'; commissionMicros: bigint; balanceAfterMicros: bigint; amountMicros: bigint } | { kind: 'reversed'; amountMicros: bigint; balanceAfterMicros: bigint } | { kind: 'refused'; error: RejectedCommand },
): EffectOutcome {
  const effect = plan.effects[effectIndex];
  invariant(effect !== undefined, `plan ${plan.planId} has no effect ${effectIndex}`);
  const base = { planId: plan.planId, effectIndex, depositId: effect.depositId };
  if (result.kind === 'refused') return { type: 'WalletEffectRefused', ...base, code: result.error.code, message: result.error.message };
  if (effect.kind === 'credit') {
    invariant(result.kind === 'credited', `effect ${effectIndex} of ${plan.planId} is a credit`);
    return { type: 'CardDepositCredited', ...base, holder: effect.holder, amountMicros: result.amountMicros, commissionMicros: result.commissionMicros, balanceAfterMicros: result.balanceAfterMicros };
  }
  invariant(result.kind === 'reversed', `effect ${effectIndex} of ${plan.planId} is a reversal`);
  return { type: 'CardDepositReversed', ...base, holder: effect.holder, amountMicros: result.amountMicros, reason: effect.reason, balanceAfterMicros: result.balanceAfterMicros };
}
