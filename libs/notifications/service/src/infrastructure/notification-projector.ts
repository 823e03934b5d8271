// Notification events → the `notifications` row. Runs in the transaction that appends the events,
// so the listing and the worker's queue never disagree with the streams. An outcome releases the
// worker's claim on the row.
import { invariant } from '@billing/decider';
import type { NotificationEvent } from '@billing/notifications-domain';
import type pg from 'pg';

export class NotificationProjector {
  /** @param table the quoted table name (NotificationsDatabase.table('notifications')). */
  constructor(private readonly table: string) {}

  async apply(client: pg.ClientBase, event: NotificationEvent): Promise<void> {
    const t = this.table;
    const update = async (text: string, values: unknown[]) => {
      const { rowCount } = await client.query(text, values);
      invariant(rowCount === 1, `projection of ${event.type} ${event.notificationId}: expected 1 row, updated ${rowCount}`);
    };
    const released = 'claimed_by = NULL, claimed_until = NULL, attempt_started_at = NULL';
    switch (event.type) {
      case 'NotificationRequested':
        await client.query(
          `INSERT INTO ${t} (notification_id, dedupe_key, kind, holder_kind, holder_id, email, language, status, attempts,
             next_attempt_at, source_event_id, source_event_type, requested_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $9, $10, $8, $8)`,
          [event.notificationId, event.dedupeKey, event.kind, event.holder.kind, event.holder.id, event.email, event.language, event.requestedAt, event.source.eventId, event.source.type],
        );
        return;
      case 'NotificationSkipped':
        return update(`UPDATE ${t} SET status = 'skipped', skip_reason = $2, next_attempt_at = NULL, updated_at = $3 WHERE notification_id = $1`, [
          event.notificationId,
          event.reason,
          event.skippedAt,
        ]);
      case 'NotificationAttemptFailed':
        return update(`UPDATE ${t} SET attempts = $2, last_error = $3, next_attempt_at = $4, updated_at = $5, ${released} WHERE notification_id = $1`, [
          event.notificationId,
          event.attempt,
          event.reason,
          event.nextAttemptAt,
          event.failedAt,
        ]);
      case 'NotificationSent':
        return update(`UPDATE ${t} SET status = 'sent', attempts = $2, message_id = $3, next_attempt_at = NULL, updated_at = $4, ${released} WHERE notification_id = $1`, [
          event.notificationId,
          event.attempts,
          event.messageId,
          event.sentAt,
        ]);
      case 'NotificationFailed':
        return update(`UPDATE ${t} SET status = 'failed', attempts = $2, last_error = $3, next_attempt_at = NULL, updated_at = $4, ${released} WHERE notification_id = $1`, [
          event.notificationId,
          event.attempts,
          event.reason,
          event.failedAt,
        ]);
    }
  }
}
