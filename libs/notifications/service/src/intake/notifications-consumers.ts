// Starts the two consumers once the application is up (in standalone mode the producing modules
// register their sources on the same bus; the in-process transport waits for them) and stops them
// before the store closes.
import { topicFor } from '@billing/contracts';
import { HealthService } from '@billing/gateway';
import type { ConsumerHandle, ConsumeOptions } from '@billing/messaging';
import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import { NotificationsDatabase } from '../infrastructure/notifications-database.js';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from '../notifications.options.js';
import { NotificationIntake } from './notification-intake.js';
import { RecipientsProjection } from './recipients-projection.js';

@Injectable()
export class NotificationsConsumers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly handles: ConsumerHandle[] = [];

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(NotificationsDatabase) private readonly db: NotificationsDatabase,
    @Inject(NotificationIntake) private readonly intake: NotificationIntake,
    @Inject(RecipientsProjection) private readonly projection: RecipientsProjection,
    @Inject(DeliveryWorker) private readonly worker: DeliveryWorker,
    @Optional() @Inject(HealthService) private readonly health?: HealthService,
  ) {}

  /** The consumer groups: `<service>-recipients` (accounts → recipients) and `<service>` (→ notifications). */
  get groups(): { recipients: string; notifications: string } {
    return { recipients: `${this.options.service}-recipients`, notifications: this.options.service };
  }

  onModuleInit(): void {
    this.health?.register(this.options.service, async () => {
      const consumers = this.handles.map((handle) => handle.status());
      const delivery = this.worker.status();
      const lastError = consumers.find((c) => c.lastError !== undefined)?.lastError;
      return { status: delivery.claimFailures > 0 ? 'down' : 'up', delivery, consumers, ...(lastError === undefined ? {} : { lastError }) };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { bus, sources, intake } = this.options;
    const common: Omit<ConsumeOptions, 'group' | 'topics' | 'handler'> = {
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
      maxAttempts: intake.maxAttempts,
      backoff: intake.backoff,
    };
    this.handles.push(
      await bus.consume({ ...common, group: this.groups.recipients, topics: [topicFor(sources.accounts)], handler: (event, context) => this.projection.handle(event, context) }),
    );
    this.handles.push(
      await bus.consume({
        ...common,
        group: this.groups.notifications,
        topics: [topicFor(sources.wallet), topicFor(sources.accounts)],
        handler: (event, context) => this.intake.handle(event, context),
      }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.handles.splice(0).map((handle) => handle.stop()));
  }
}
