// accounts.events.v1 → the recipients table, once per event (inbox in the same transaction).
// A consumer group of its own: a notification waiting for its recipient must never block the
// very events that would make the recipient known.
import type { IntegrationEvent } from '@billing/contracts';
import { runOnce, type ConsumeContext } from '@billing/messaging';
import { RECIPIENT_EVENT_TYPES, recipientChangeOf } from '@billing/notifications-domain';
import { Inject, Injectable } from '@nestjs/common';
import { NotificationsDatabase } from '../infrastructure/notifications-database.js';
import { RecipientsStore } from '../infrastructure/recipients-store.js';
import { parseAccountsEvent } from './source-event.js';

@Injectable()
export class RecipientsProjection {
  constructor(
    @Inject(NotificationsDatabase) private readonly db: NotificationsDatabase,
    @Inject(RecipientsStore) private readonly recipients: RecipientsStore,
  ) {}

  async handle(envelope: IntegrationEvent, context: ConsumeContext): Promise<void> {
    const event = parseAccountsEvent(envelope, RECIPIENT_EVENT_TYPES);
    const change = event === null ? null : recipientChangeOf(event);
    if (change === null) return;
    await runOnce(this.db.store, context, (client) => this.recipients.apply(client, change, envelope.occurredAt));
  }
}
