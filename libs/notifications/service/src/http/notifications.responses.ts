// The answer of GET /notifications, for OpenAPI (@ApiResponse standardSchema) and so the portal's
// generated client types it; NotificationsQueries builds exactly these types.
import { z } from 'zod';

export const NotificationView = z.object({
  notificationId: z.string(),
  kind: z.string(),
  status: z.string(),
  recipient: z.string().nullable(),
  holder: z.object({ kind: z.string(), id: z.string() }),
  language: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  skipReason: z.string().nullable(),
  messageId: z.string().nullable(),
  source: z.object({ eventId: z.string(), type: z.string() }),
  requestedAt: z.string(),
  updatedAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationsPage = z.object({ items: z.array(NotificationView), nextCursor: z.string().nullable().meta({ description: 'pass as ?cursor= for the next page; null = last page' }) });
export type NotificationsPage = z.infer<typeof NotificationsPage>;
