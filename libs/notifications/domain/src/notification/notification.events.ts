// The life of one e-mail, stream `notification-{id}`: Requested, then exactly one of Skipped,
// Sent or Failed, with AttemptFailed for every temporary failure before it.
import type { Holder } from '../shared/holder.js';
import type { NotificationKind, SkipReason } from '../shared/kinds.js';

/** The integration event a notification comes from (the dedupe key starts with its id). */
export interface NotificationSource {
  eventId: string;
  type: string;
  occurredAt: string;
}

export interface NotificationRequested {
  type: 'NotificationRequested';
  notificationId: string;
  /** `<source event id>/<kind>/<holder>`: one notification per key, the id derives from it. */
  dedupeKey: string;
  kind: NotificationKind;
  holder: Holder;
  /** null when the holder has no address (the notification is skipped). */
  email: string | null;
  /** the template language chosen for the holder. */
  language: string;
  /** everything the template shows, already formatted for `language`. */
  variables: Record<string, string>;
  source: NotificationSource;
  requestedAt: string;
}

export interface NotificationSkipped {
  type: 'NotificationSkipped';
  notificationId: string;
  reason: SkipReason;
  skippedAt: string;
}

/** A temporary failure (4xx reply, connection error): tried again at `nextAttemptAt`. */
export interface NotificationAttemptFailed {
  type: 'NotificationAttemptFailed';
  notificationId: string;
  attempt: number;
  reason: string;
  nextAttemptAt: string;
  failedAt: string;
}

export interface NotificationSent {
  type: 'NotificationSent';
  notificationId: string;
  /** the Message-ID header the SMTP server accepted. */
  messageId: string;
  /** attempts it took, this one included. */
  attempts: number;
  sentAt: string;
}

/** Given up: a permanent refusal (5xx), or temporary failures until the attempts ran out. */
export interface NotificationFailed {
  type: 'NotificationFailed';
  notificationId: string;
  attempts: number;
  reason: string;
  permanent: boolean;
  failedAt: string;
}

export type NotificationEvent = NotificationRequested | NotificationSkipped | NotificationAttemptFailed | NotificationSent | NotificationFailed;

export const NOTIFICATION_EVENT_TYPES: readonly NotificationEvent['type'][] = [
  'NotificationRequested',
  'NotificationSkipped',
  'NotificationAttemptFailed',
  'NotificationSent',
  'NotificationFailed',
];
