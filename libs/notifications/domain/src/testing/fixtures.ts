// Shared test data for the domain specs (and the service's unit specs).
import type { RequestNotification } from '../notification/notification.commands.js';
import type { NotificationEvent, NotificationRequested } from '../notification/notification.events.js';
import type { RetryPolicy } from '../delivery/retry-policy.js';

export const NOTIFICATION_ID = '6f1c2e0a-9a43-5c1e-8f00-0a1b2c3d4e5f';
export const T0 = '2026-03-01T12:00:00.000Z';
export const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

export const policy: RetryPolicy = { maxAttempts: 3, initialDelayMs: 60_000, maxDelayMs: 300_000, multiplier: 2 };

export const request: RequestNotification = {
  type: 'RequestNotification',
  notificationId: NOTIFICATION_ID,
  dedupeKey: 'evt-1/low-balance/customer:c-1',
  kind: 'low-balance',
  holder: { kind: 'customer', id: 'c-1' },
  email: 'jane@example.com',
  language: 'en',
  variables: { balance: '4.50', threshold: '5.00' },
  source: { eventId: 'b0c4a1f2-0000-4000-8000-000000000001', type: 'wallet.LowBalanceCrossed', occurredAt: T0 },
  skip: null,
  now: T0,
};

const { type: _type, skip: _skip, now: _now, ...requestFields } = request;
export const requested: NotificationRequested = { type: 'NotificationRequested', ...requestFields, requestedAt: T0 };

export const attemptFailed = (attempt: number, failedAt: string, nextAttemptAt: string): NotificationEvent => ({
  type: 'NotificationAttemptFailed',
  notificationId: NOTIFICATION_ID,
  attempt,
  reason: '421: try again later',
  nextAttemptAt,
  failedAt,
});
