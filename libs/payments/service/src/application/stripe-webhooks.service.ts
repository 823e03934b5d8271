// A verified Stripe event → the payment's stream and the wallet. Per event, optimistic and
// idempotent (card-payment.ts explains the plan/effects/outcomes cycle):
//   load payment-{pi} → finish a pending plan → decide → append receipt, facts, plan → run the
//   plan's wallet effects → append their outcomes.
// A concurrent handler of the same payment makes an append fail on its expected version: reload
// and go again. Running a plan twice is harmless (deterministic deposit ids), so two deliveries at
// once, a redelivery or a crash between effects and outcomes never credit or reverse twice.
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { WalletCommands, type ActorContext } from '@billing/wallet-service';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  decideStripeEvent,
  evolveCardPayment,
  outcomeOf,
  type CardPaymentState,
  type EffectOutcome,
  type PaymentEvent,
  type ReceivedStripeEvent,
  type WalletEffect,
  type WebhookOutcome,
} from '../card-payment/card-payment.js';
import { readStripeEvent } from '../card-payment/stripe-event.js';
import { paymentEventId, PaymentsDatabase, StalePaymentStream } from '../infrastructure/payments-database.js';
import { PAYMENTS_OPTIONS, type ResolvedPaymentsOptions } from '../payments.options.js';

const MAX_ATTEMPTS = 20;
export const STRIPE_ACTOR = 'system:stripe';

export interface WebhookResult {
  outcome: WebhookOutcome;
  paymentIntentId: string | null;
  /** what the wallet was told to do while handling this event (credits, reversals, refusals). */
  effects: EffectOutcome[];
}

@Injectable()
export class StripeWebhooks {
  private readonly logger = new Logger('StripeWebhooks');

  constructor(
    private readonly db: PaymentsDatabase,
    private readonly wallet: WalletCommands,
    @Inject(PAYMENTS_OPTIONS) private readonly options: ResolvedPaymentsOptions,
  ) {}

  /** `event` is what `stripe.webhooks.constructEvent` returned (signature already verified). */
  async handle(event: { id: string; type: string }): Promise<WebhookResult> {
    const received = readStripeEvent(event);
    if (received === undefined) {
      await this.recordUnrouted(event);
      return { outcome: 'ignored', paymentIntentId: null, effects: [] };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handleOnce(received);
      } catch (error) {
        const raced = error instanceof WrongExpectedVersionError || error instanceof StalePaymentStream;
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * attempt)));
      }
    }
  }

  private async handleOnce(received: ReceivedStripeEvent): Promise<WebhookResult> {
    const paymentIntentId = received.paymentIntentId;
    const metadata = { actor: STRIPE_ACTOR, correlationId: received.stripeEventId, stripeEventId: received.stripeEventId };
    const loaded = await this.db.loadPayment(paymentIntentId);
    let { state, version } = loaded;
    if (state.pending !== null) ({ state, version } = await this.finishPlan(paymentIntentId, state, version, metadata));

    const decision = decideStripeEvent(state, received, this.options.currency, this.options.clock().toISOString());
    if (decision.events.length === 0) return { outcome: decision.outcome, paymentIntentId, effects: [] };
    const appended = await this.db.appendPayment(
      paymentIntentId,
      decision.events.map((event, index) => ({ id: paymentEventId(index === 0 ? `stripe-event:${received.stripeEventId}` : `stripe-event:${received.stripeEventId}:${index}`), event })),
      version,
      metadata,
    );
    const outcome = decision.outcome;
    state = decision.events.reduce(evolveCardPayment, state);
    if (decision.outcome === 'refused') this.logger.warn(`Stripe event ${received.stripeEventId} (${received.stripeType}) for ${paymentIntentId} refused: ${describeRefusal(decision.events)}`);
    if (state.pending === null) return { outcome, paymentIntentId, effects: [] };
    const finished = await this.finishPlan(paymentIntentId, state, appended.nextExpectedVersion, metadata);
    return { outcome, paymentIntentId, effects: finished.outcomes };
  }

  /** Runs the pending plan's remaining effects on the wallet and records their outcomes. */
  private async finishPlan(paymentIntentId: string, state: CardPaymentState, version: number, metadata: Record<string, string>) {
    const plan = state.pending!;
    const context: ActorContext = { actor: STRIPE_ACTOR, correlationId: plan.planId };
    const outcomes: EffectOutcome[] = [];
    for (const [index, effect] of plan.effects.entries()) {
      if (plan.done.has(index)) continue;
      outcomes.push(outcomeOf(plan, index, await this.apply(paymentIntentId, effect, context)));
    }
    const appended = await this.db.appendPayment(
      paymentIntentId,
      outcomes.map((event) => ({ id: paymentEventId(`plan:${plan.planId}:${event.effectIndex}`), event })),
      version,
      metadata,
    );
    for (const outcome of outcomes) {
      if (outcome.type === 'WalletEffectRefused') this.logger.error(`the wallet refused ${outcome.depositId} of ${paymentIntentId}: ${outcome.code} ${outcome.message} — ITC must settle it with the card holder`);
    }
    return { state: outcomes.reduce<CardPaymentState>(evolveCardPayment, state), version: appended.nextExpectedVersion, outcomes };
  }

  private async apply(paymentIntentId: string, effect: WalletEffect, context: ActorContext) {
    try {
      if (effect.kind === 'credit') {
        const deposit = { depositId: effect.depositId, amountMicros: effect.amountMicros, source: { kind: 'card', paymentIntentId } as const };
        const result =
          effect.holder.kind === 'agent'
            ? await this.wallet.depositToAgent({ ...deposit, agentId: effect.holder.id }, context)
            : await this.wallet.depositToCustomer({ ...deposit, customerId: effect.holder.id }, context);
        return { kind: 'credited' as const, amountMicros: result.amountMicros, commissionMicros: result.commissionMicros, balanceAfterMicros: result.balanceAfterMicros };
      }
      const target = effect.holder.kind === 'agent' ? { kind: 'agent' as const, agentId: effect.holder.id } : { kind: 'customer' as const, customerId: effect.holder.id };
      const result = await this.wallet.reverseDeposit({ depositId: effect.depositId, target, reason: effect.reason }, context);
      return { kind: 'reversed' as const, amountMicros: result.amountMicros, balanceAfterMicros: result.balanceAfterMicros };
    } catch (error) {
      // a business refusal is final (recorded); anything else (database down, ...) → 500, Stripe retries
      if (error instanceof RejectedCommand) return { kind: 'refused' as const, error };
      throw error;
    }
  }

  /** A verified event that names no PaymentIntent: kept for the audit, acted on never. */
  private async recordUnrouted(event: { id: string; type: string }): Promise<void> {
    const object = (event as { data?: { object?: { id?: unknown; object?: unknown } } }).data?.object;
    await this.db.store.append(
      `stripe-event-${event.id}`,
      [
        {
          eventId: paymentEventId(`stripe-event:${event.id}`),
          type: 'UnroutedStripeEventReceived',
          data: {
            stripeEventId: event.id,
            stripeType: event.type,
            objectType: typeof object?.object === 'string' ? object.object : null,
            objectId: typeof object?.id === 'string' ? object.id : null,
            receivedAt: this.options.clock().toISOString(),
          },
          metadata: { actor: STRIPE_ACTOR, correlationId: event.id },
        },
      ],
      'any',
    );
  }
}

function describeRefusal(events: readonly PaymentEvent[]): string {
  const refused = events.find((event) => event.type === 'CardPaymentRefused');
  return refused === undefined ? 'refused' : `${refused.code}: ${refused.detail}`;
}
