// The notifications service (issue 6) as a Nest module: providers and a controller, nothing else.
import { Module, type DynamicModule } from '@nestjs/common';
import { NotificationClaims } from './delivery/claims.js';
import { DeliveryWorker } from './delivery/delivery-worker.js';
import { OutcomeRecorder } from './delivery/outcome-recorder.js';
import { NotificationsController } from './http/notifications.controller.js';
import { NotificationsQueries } from './http/notifications.queries.js';
import { NotificationCommitter } from './infrastructure/notification-committer.js';
import { NotificationsDatabase } from './infrastructure/notifications-database.js';
import { RecipientsStore } from './infrastructure/recipients-store.js';
import { NotificationIntake } from './intake/notification-intake.js';
import { NotificationsConsumers } from './intake/notifications-consumers.js';
import { RecipientsProjection } from './intake/recipients-projection.js';
import { NOTIFICATIONS_OPTIONS, resolveNotificationsOptions, type NotificationsModuleOptions, type ResolvedNotificationsOptions } from './notifications.options.js';
import { TemplateRenderer } from './templates/renderer.js';

@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: [NotificationsController],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: resolveNotificationsOptions(options) },
        {
          provide: NotificationsDatabase,
          inject: [NOTIFICATIONS_OPTIONS],
          useFactory: (resolved: ResolvedNotificationsOptions) => NotificationsDatabase.open(resolved.pool, resolved.schema),
        },
        { provide: TemplateRenderer, useFactory: () => new TemplateRenderer() },
        NotificationCommitter,
        RecipientsStore,
        NotificationClaims,
        OutcomeRecorder,
        DeliveryWorker,
        NotificationIntake,
        RecipientsProjection,
        NotificationsConsumers,
        NotificationsQueries,
      ],
      exports: [NotificationsQueries, DeliveryWorker, NotificationsDatabase],
    };
  }
}
