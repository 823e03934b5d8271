// The notifications log's URL search params (plain functions: index.ts is in the first load).
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NotificationsSearch {
  status?: NotificationStatus;
  /** an e-mail address, matched exactly by the API. */
  recipient?: string;
}

export function validateNotificationsSearch(search: Record<string, unknown>): NotificationsSearch {
  const status = search['status'];
  const recipient = typeof search['recipient'] === 'string' ? search['recipient'].trim().slice(0, 254) : '';
  return {
    ...(NOTIFICATION_STATUSES.includes(status as NotificationStatus) ? { status: status as NotificationStatus } : {}),
    ...(recipient === '' ? {} : { recipient }),
  };
}
