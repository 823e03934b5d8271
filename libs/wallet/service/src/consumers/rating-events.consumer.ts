// Consumes `rating.events.v1` (docs/rating.md, docs/rating.md §10): a rated (or re-rated) call is
// charged — settling its hold, or charged directly without one — atomically with the consumer's
// inbox entry; an unrated or unanswered call releases its hold, if it has one (idempotent: a
// second release finds no hold). A charge refused because the customer's ledger account is not
// open yet (accounts' CustomerOpened comes through another topic) is retried with backoff and
// dead-lettered after the last attempt; other refusals are logged.
// Written by the rating engineer (issue 5); wired in wallet.module.ts (providers) and started and
// stopped by its own lifecycle hooks, so WalletLifecycle is unchanged.
import { isRatingEventTypeV1, parseRatingEventV1, topicFor, type IntegrationEvent } from '@billing/contracts';
import type { ConsumeContext, ConsumerHandle } from '@billing/messaging';
import { parseMoney } from '@billing/money';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WalletCalls } from '../application/wallet-calls.service.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';

/** Charges handled at once per partition: enough to fill a few ledger batches (≤ 490 accounts each). */
export const RATING_EVENTS_IN_FLIGHT = 1_024;

/** Thrown to have the bus retry the message (then dead-letter it). */
export class CustomerAccountNotOpenYet extends Error {
  constructor(customerId: string, callId: string) {
    super(`call ${callId}: customer ${customerId} has no open ledger account yet`);
    this.name = 'CustomerAccountNotOpenYet';
  }
}

@Injectable()
export class RatingEventsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WalletRatingConsumer');
  private handle: ConsumerHandle | undefined;

  constructor(
    @Inject(WalletDatabase) private readonly db: WalletDatabase,
    @Inject(WalletCalls) private readonly calls: WalletCalls,
    @Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions,
  ) {}

  /** the consumer group (and inbox name): one consume() per group, beside the accounts consumer's. */
  get group(): string {
    return `${this.options.consumerGroup}-rating`;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.background) return;
    this.handle = await this.options.bus.consume({
      group: this.group,
      topics: [topicFor(this.options.ratingService)],
      handler: (event, context) => this.handleEvent(event, context),
      // calls are independent: many charges in flight share the ledger's batched transactions
      maxInFlight: RATING_EVENTS_IN_FLIGHT,
      // a charge's unit records the inbox entry with the ledger write; releases are idempotent
      inboxInHandler: true,
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
    });
  }

  /** Before the wallet's lifecycle closes the ledger (onApplicationShutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }

  status() {
    return this.handle?.status();
  }

  async handleEvent(event: IntegrationEvent, context: ConsumeContext): Promise<void> {
    if (event.schemaVersion !== 1 || !isRatingEventTypeV1(event.type)) return;
    const parsed = parseRatingEventV1(event.type, event.data);
    switch (parsed.type) {
      case 'rating.CallRated':
      case 'rating.CallReRated': {
        const { customerId, callId, cost } = parsed.data;
        const result = await this.calls.chargeCall(
          { customerId, callId, costMicros: parseMoney(cost, 'cost') },
          { inbox: { consumer: context.consumer, messageId: context.messageId }, context: { actor: 'system:rating', correlationId: event.correlationId ?? event.eventId } },
        );
        if (result.charged || result.reason !== 'rejected') return;
        if (result.code === 'account_not_found') throw new CustomerAccountNotOpenYet(customerId, callId);
        this.logger.warn(`${event.type} ${event.eventId}: charge of call ${callId} refused: ${result.code} ${result.message}`);
        return;
      }
      case 'rating.CallUnrated':
      case 'rating.CallUnanswered': {
        const { customerId, callId, holdId } = parsed.data;
        if (customerId === null || holdId === undefined) return;
        await this.calls.releaseHold({ customerId, callId }, { actor: 'system:rating', correlationId: event.correlationId ?? event.eventId });
        return;
      }
      default:
        return;
    }
  }
}
