// Starts and stops rating's background work: on bootstrap the relay (rating.events.v1) and the
// accounts consumer (the customer directory), and a sweep of abandoned deck imports; on shutdown
// the reverse, then the event store's listener. The pool is the caller's.
import { HealthService } from '@billing/gateway';
import type { RelayHandle } from '@billing/messaging';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccountsConsumer } from './accounts/accounts-consumer.js';
import { RatingDatabase } from './infrastructure/rating-database.js';
import { ratingIntegrationMapper } from './infrastructure/rating-relay.js';
import { RATING_OPTIONS, type ResolvedRatingOptions } from './rating.options.js';
import { RateTables } from './sheets/rate-tables.js';
import { SheetStore } from './sheets/sheet-store.js';

@Injectable()
export class RatingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Rating');
  private relay: RelayHandle | undefined;

  constructor(
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(AccountsConsumer) private readonly consumer: AccountsConsumer,
    @Inject(SheetStore) private readonly sheets: SheetStore,
    @Inject(RateTables) private readonly tables: RateTables,
    @Inject(HealthService) private readonly health: HealthService,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const swept = await this.sheets.sweepAbandonedImports();
    if (swept > 0) this.logger.warn(`removed the rows of ${swept} deck import(s) that never committed`);
    if (!this.options.background) return;
    this.relay = await this.options.bus.startRelay({
      service: this.options.service,
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
      mapper: ratingIntegrationMapper,
    });
    await this.consumer.start();
    this.health.register('rating', async () => {
      const relay = this.relay?.status();
      const consumer = this.consumer.status();
      const lastError = relay?.lastError ?? consumer?.lastError;
      return {
        status: 'up',
        relayPublished: relay?.published ?? 0,
        accountsConsumed: consumer?.handled ?? 0,
        deadLettered: consumer?.deadLettered ?? 0,
        rateTables: this.tables.stats(),
        ...(lastError ? { lastError } : {}),
      };
    });
    this.logger.log(`rating started (schema ${this.db.schema}, topic ${this.options.service}.events.v1, consuming ${this.options.accountsService}.events.v1)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay?.stop();
    await this.db.store.close();
  }
}
