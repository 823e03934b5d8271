// The payments service's storage: its own event store (schema `payments` by default) with one
// stream per PaymentIntent, `payment-{id}` — the audit trail of every Stripe event about it and of
// what the wallet was told to do — and `stripe-event-{id}` for verified events that name no
// PaymentIntent. Event ids are derived from Stripe's ids, so a redelivery appends nothing.
import { PostgresEventStore, uuidV5, type NewEvent, type RecordedEvent } from '@billing/event-store';
import type { OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { foldCardPayment, paymentStreamId, type CardPaymentState, type PaymentEvent } from '../card-payment/card-payment.js';

/** Namespace of the payments service's event ids (fixed forever). */
export const PAYMENTS_EVENT_NAMESPACE = '3f0d4c8e-2b6a-5e71-9a43-d1c7e5b80f26';

export const paymentEventId = (name: string) => uuidV5(name, PAYMENTS_EVENT_NAMESPACE);

export interface LoadedPayment {
  state: CardPaymentState;
  /** the stream's last version (-1 = no stream yet). */
  version: number;
  events: RecordedEvent<PaymentEvent>[];
}

/** Another handler wrote to the stream meanwhile: reload and decide again. */
export class StalePaymentStream extends Error {
  constructor(readonly paymentIntentId: string) {
    super(`payment-${paymentIntentId} moved on while it was being handled`);
    this.name = 'StalePaymentStream';
  }
}

export class PaymentsDatabase implements OnApplicationShutdown {
  private constructor(readonly store: PostgresEventStore) {}

  static async open(pool: pg.Pool, schema: string): Promise<PaymentsDatabase> {
    return new PaymentsDatabase(await PostgresEventStore.open({ pool, schema }));
  }

  async loadPayment(paymentIntentId: string): Promise<LoadedPayment> {
    const events = (await this.store.readStream(paymentStreamId(paymentIntentId))) as RecordedEvent<PaymentEvent>[];
    return { state: foldCardPayment(events.map((event) => event.data)), version: events.length - 1, events };
  }

  /**
   * Appends at `expectedVersion`: WrongExpectedVersionError on a race, and StalePaymentStream when
   * some of the events were stored already (a concurrent handler wrote them: the state this
   * append was decided on may be behind). Both mean: reload and decide again.
   */
  async appendPayment(paymentIntentId: string, events: readonly { id: string; event: PaymentEvent }[], expectedVersion: number, metadata: Record<string, string>) {
    const drafts: NewEvent[] = events.map(({ id, event }) => ({ eventId: id, type: event.type, data: event, metadata }));
    const result = await this.store.append(paymentStreamId(paymentIntentId), drafts, expectedVersion === -1 ? 'no_stream' : expectedVersion);
    if (result.writtenCount !== drafts.length) throw new StalePaymentStream(paymentIntentId);
    return result;
  }

  /** Without a version check (the request record: written once, by the creator of the intent). */
  async recordRequest(paymentIntentId: string, id: string, event: PaymentEvent, metadata: Record<string, string>): Promise<void> {
    await this.store.append(paymentStreamId(paymentIntentId), [{ eventId: id, type: event.type, data: event, metadata }], 'any');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
