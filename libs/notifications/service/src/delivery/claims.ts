// Which instance sends a due notification: a lease on its row, taken in one short statement (never
// a transaction held open across the SMTP conversation: that would hold back every gap-safe reader
// of the cluster). A lease that runs out — its holder died — makes the row claimable again; the
// row then still has `attempt_started_at`, which tells the next holder that an attempt's outcome
// is unknown.
import { Inject, Injectable } from '@nestjs/common';
import { NotificationsDatabase } from '../infrastructure/notifications-database.js';

export interface Claim {
  notificationId: string;
  /** set when an earlier claim started an attempt and recorded no outcome (crash or lost lease). */
  unfinishedAttemptStartedAt: Date | null;
}

@Injectable()
export class NotificationClaims {
  private readonly table: string;

  constructor(@Inject(NotificationsDatabase) private readonly db: NotificationsDatabase) {
    this.table = db.table('notifications');
  }

  /** The oldest due, unclaimed notification, now leased to `instanceId` until `now + leaseMs`. */
  async claimNext(instanceId: string, now: Date, leaseMs: number): Promise<Claim | undefined> {
    const { rows } = await this.db.pool.query<{ notification_id: string; previous_start: Date | null }>(
      `WITH due AS (
         SELECT notification_id, attempt_started_at AS previous_start FROM ${this.table}
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
          ORDER BY next_attempt_at, notification_id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
       UPDATE ${this.table} n SET claimed_by = $2, claimed_until = $3, attempt_started_at = $1
         FROM due WHERE n.notification_id = due.notification_id
       RETURNING n.notification_id::text, due.previous_start`,
      [now, instanceId, new Date(now.getTime() + leaseMs)],
    );
    const row = rows[0];
    return row === undefined ? undefined : { notificationId: row.notification_id, unfinishedAttemptStartedAt: row.previous_start };
  }

  /** Gives a claim back without an attempt (nothing was sent). */
  async release(notificationId: string, instanceId: string): Promise<void> {
    await this.db.pool.query(
      `UPDATE ${this.table} SET claimed_by = NULL, claimed_until = NULL, attempt_started_at = NULL WHERE notification_id = $1 AND claimed_by = $2`,
      [notificationId, instanceId],
    );
  }
}
