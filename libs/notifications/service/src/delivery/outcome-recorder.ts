// Records what happened to an attempt (Sent / AttemptFailed / Failed) with bounded retries. The
// record of a "250 OK" is what keeps the notification from being sent again, so it is retried
// even while the service is stopping; if it still fails, the lease runs out and the notification
// is sent once more with the same Message-ID (the at-least-once window, see delivery-worker.ts).
import { RejectedCommand } from '@billing/decider';
import type { NotificationCommand, NotificationEvent, NotificationRequested, SendFailure } from '@billing/notifications-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationCommitter } from '../infrastructure/notification-committer.js';
import { NOTIFICATIONS_OPTIONS, type ResolvedNotificationsOptions } from '../notifications.options.js';
import { delay } from '../shared/sleep.js';
import type { SentMail } from './smtp-mailer.js';

export type Outcome = { sent: SentMail } | { failure: SendFailure };

/** Tries per outcome before the lease is left to run out; waits 0.2, 0.4, 0.8, 1.6 s between. */
const RECORD_ATTEMPTS = 5;

@Injectable()
export class OutcomeRecorder {
  private readonly logger = new Logger('NotificationDelivery');
  readonly counts = { sent: 0, retried: 0, failed: 0 };

  constructor(
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: ResolvedNotificationsOptions,
    @Inject(NotificationCommitter) private readonly committer: NotificationCommitter,
  ) {}

  /** Throws only when every try failed: the outcome is then unrecorded. */
  async record(requested: NotificationRequested, attempt: number, outcome: Outcome): Promise<void> {
    const { notificationId } = requested;
    const now = this.options.clock().toISOString();
    const command: NotificationCommand =
      'sent' in outcome
        ? { type: 'RecordSent', notificationId, attempt, messageId: outcome.sent.messageId, now }
        : { type: 'RecordSendFailure', notificationId, attempt, failure: outcome.failure, policy: this.options.delivery.retry, now };
    const metadata = { actor: 'system', causationId: requested.source.eventId };
    for (let tries = 1; ; tries += 1) {
      try {
        const { events } = await this.committer.commit([{ notificationId, command, commandId: `attempt-${attempt}` }], { metadata });
        events.forEach((event) => this.report(requested, event));
        return;
      } catch (error) {
        // Another holder recorded this notification first (our lease had run out): theirs stands.
        if (error instanceof RejectedCommand) {
          this.logger.warn(`notification ${notificationId}: attempt ${attempt} not recorded: ${error.message}`);
          return;
        }
        if (tries >= RECORD_ATTEMPTS) throw error;
        await delay(100 * 2 ** tries);
      }
    }
  }

  private report(requested: NotificationRequested, event: NotificationEvent): void {
    const what = `notification ${requested.notificationId} (${requested.kind})`;
    switch (event.type) {
      case 'NotificationSent':
        this.counts.sent += 1;
        this.logger.debug(`${what} sent on attempt ${event.attempts}`);
        return;
      case 'NotificationAttemptFailed':
        this.counts.retried += 1;
        this.logger.warn(`${what} attempt ${event.attempt} failed, next at ${event.nextAttemptAt}: ${event.reason}`);
        return;
      case 'NotificationFailed':
        this.counts.failed += 1;
        this.logger.error(`${what} failed after ${event.attempts} attempt(s): ${event.reason}`);
        return;
      default:
        return;
    }
  }
}
