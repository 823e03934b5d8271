import type { NotificationRequested } from './notification.events.js';

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped';

export type NotificationState =
  | { status: 'none' }
  | {
      status: NotificationStatus;
      requested: NotificationRequested;
      /** attempts that ended, failed or sent. */
      attempts: number;
      /** pending only: when the next attempt is due. */
      nextAttemptAt: string | null;
      messageId: string | null;
    };

export function initialNotificationState(): NotificationState {
  return { status: 'none' };
}
