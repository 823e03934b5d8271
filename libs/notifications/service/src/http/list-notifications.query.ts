import { z } from 'zod';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;

export const ListNotificationsQuery = z.strictObject({
  /** pending = not yet sent (includes scheduled retries). */
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  /** the recipient's e-mail address, case-insensitive. */
  recipient: z.string().trim().min(3).max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;
