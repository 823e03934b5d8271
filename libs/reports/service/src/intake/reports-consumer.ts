// Starts the consumer once the application is up (standalone: the producing modules register
// their sources on the same bus; the in-process transport waits for those not there yet) and
// stops it before the store closes. One group for the three topics: every fact carries the agent
// it belongs to, so no topic has to wait for another.
import { topicFor } from '@billing/contracts';
import { HealthService } from '@billing/gateway';
import { HandledEvents, type ConsumerHandle } from '@billing/messaging';
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ReportsDatabase } from '../infrastructure/reports-database.js';
import { LiveFeed } from '../live/live-feed.js';
import { REPORTS_OPTIONS, type ResolvedReportsOptions } from '../reports.options.js';
import { ReportsProjection } from './reports-projection.js';

@Injectable()
export class ReportsConsumer implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private handle: ConsumerHandle | undefined;

  constructor(
    @Inject(REPORTS_OPTIONS) private readonly options: ResolvedReportsOptions,
    @Inject(ReportsDatabase) private readonly db: ReportsDatabase,
    @Inject(ReportsProjection) private readonly projection: ReportsProjection,
    @Inject(LiveFeed) private readonly feed: LiveFeed,
    @Optional() @Inject(HealthService) private readonly health?: HealthService,
    @Optional() @Inject(HandledEvents) private readonly handledEvents?: HandledEvents,
  ) {}

  onModuleInit(): void {
    this.health?.register(this.options.service, async () => {
      const consumer = this.handle?.status();
      const live = this.feed.status();
      const lastError = consumer?.lastError ?? live.lastError;
      // a live feed that cannot LISTEN degrades /reports/live only; the summary still works
      return { status: 'up', consumer, live, ...(lastError === undefined ? {} : { lastError }) };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { bus, sources, consumer, service } = this.options;
    // read-your-writes (issue 12 §5): a command's answer in this process waits until the summary
    // shows what it committed — every handled event is announced; earlier ones are in the inbox
    // (one query for all of a request's ids, cancelled by the server when the wait gives up)
    const handled = this.handledEvents;
    handled?.track((eventIds, bound) => this.db.store.heldInbox(service, eventIds, bound));
    this.handle = await bus.consume({
      group: service,
      topics: [topicFor(sources.accounts), topicFor(sources.wallet), topicFor(sources.rating)],
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
      maxAttempts: consumer.maxAttempts,
      backoff: consumer.backoff,
      handler: async (event, context) => {
        await this.projection.handle(event, context);
        handled?.handled(event.eventId);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }
}
