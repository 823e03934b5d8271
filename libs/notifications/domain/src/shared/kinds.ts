// The e-mails this context sends. Each kind has one template per language (service/templates).
export const NOTIFICATION_KINDS = [
  'low-balance',
  'deposit-receipt',
  'transfer-receipt',
  'commission-statement',
  'account-suspended',
  'batch-opened',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Why a notification was recorded but never sent. */
export const SKIP_REASONS = ['no-email', 'invalid-email', 'opted-out', 'stale', 'mail-disabled'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
