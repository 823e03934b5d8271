// wallet / accounts integration event → the notifications it calls for, recorded (Requested, or
// Requested + Skipped) in one transaction with the consumer's inbox entry. Sending is the
// delivery worker's job: the bus message is acknowledged once the request is recorded, so a slow
// or failing SMTP server never holds up the topic.
import type { IntegrationEvent } from '@billing/contracts';
import { uuidV5 } from '@billing/event-store';
import type { ConsumeContext } from '@billing/messaging';
import {
  dedupeKeyOf,
  holderKey,
  NOTIFYING_EVENT_TYPES,
  requestFor,
  targetsOf,
  type Holder,
  type RequestSettings,
} from '@billing/notifications-domain';
import { Inject, Injectable } from '@nestjs/common';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import { NotificationCommitter, type Decision } from '../infrastructure/notification-committer.js';
import { RecipientsStore } from '../infrastructure/recipients-store.js';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from '../notifications.options.js';
import { TEMPLATE_LANGUAGES } from '../templates/renderer.js';
import { parseSourceEvent } from './source-event.js';

/** Fixed forever: notification ids are uuid v5 of their dedupe key in this namespace. */
export const NOTIFICATION_ID_NAMESPACE = '2cd61a8e-f514-42f6-955c-82672885b451';

export function notificationIdFor(dedupeKey: string): string {
  return uuidV5(dedupeKey, NOTIFICATION_ID_NAMESPACE);
}

/** The holder's accounts events have not been projected yet: the bus retries with backoff (bounded). */
export class RecipientNotKnownYet extends Error {
  constructor(holder: Holder) {
    super(`recipient ${holderKey(holder)} is not known yet (its accounts events have not arrived)`);
    this.name = 'RecipientNotKnownYet';
  }
}

@Injectable()
export class NotificationIntake {
  private readonly settings: RequestSettings;

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(NotificationCommitter) private readonly committer: NotificationCommitter,
    @Inject(RecipientsStore) private readonly recipients: RecipientsStore,
    @Inject(DeliveryWorker) private readonly worker: DeliveryWorker,
  ) {
    const { mail, maxEventAgeMs } = options;
    this.settings = { mailEnabled: mail.smtp !== undefined, portalUrl: mail.portalUrl, currency: mail.currency, maxEventAgeMs, languages: TEMPLATE_LANGUAGES };
  }

  async handle(envelope: IntegrationEvent, context: ConsumeContext): Promise<void> {
    const event = parseSourceEvent(envelope, NOTIFYING_EVENT_TYPES);
    if (event === null) return;
    const targets = targetsOf(event, { batchMail: this.options.mail.batchMail });
    if (targets.length === 0) return;
    const known = await this.recipients.lookup(targets.flatMap((t) => (t.related === null ? [t.holder] : [t.holder, t.related])));
    const now = this.options.clock().toISOString();
    const source = { eventId: envelope.eventId, type: envelope.type, occurredAt: envelope.occurredAt };
    const decisions: Decision[] = targets.map((target) => {
      const notificationId = notificationIdFor(dedupeKeyOf(envelope.eventId, target));
      const holder = known.get(holderKey(target.holder));
      const related = target.related === null ? undefined : known.get(holderKey(target.related));
      const plan = requestFor({ target, source, holder, related, notificationId, now }, this.settings);
      if (!plan.ok) throw new RecipientNotKnownYet(plan.unknown);
      return { notificationId, command: plan.command, commandId: 'request' };
    });
    const metadata = { actor: 'system', causationId: envelope.eventId, ...(envelope.correlationId === undefined ? {} : { correlationId: envelope.correlationId }) };
    const { events } = await this.committer.commit(decisions, { metadata, inbox: { consumer: context.consumer, messageId: context.messageId } });
    if (events.some((e) => e.type === 'NotificationRequested')) this.worker.nudge();
  }
}
