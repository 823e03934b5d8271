// Commands carry their time (`now`) and, for failures, the retry policy: the decider has no clock
// and no configuration of its own.
import type { RetryPolicy } from '../delivery/retry-policy.js';
import type { SendFailure } from '../delivery/send-failure.js';
import type { NotificationRequested } from './notification.events.js';
import type { SkipReason } from '../shared/kinds.js';

export type RequestNotification = Omit<NotificationRequested, 'type' | 'requestedAt'> & {
  type: 'RequestNotification';
  /** set when the notification is recorded but not to be sent. */
  skip: SkipReason | null;
  now: string;
};

export interface RecordSent {
  type: 'RecordSent';
  notificationId: string;
  /** number of the attempt that was accepted (failed attempts so far + 1). */
  attempt: number;
  messageId: string;
  now: string;
}

export interface RecordSendFailure {
  type: 'RecordSendFailure';
  notificationId: string;
  attempt: number;
  failure: SendFailure;
  policy: RetryPolicy;
  now: string;
}

export type NotificationCommand = RequestNotification | RecordSent | RecordSendFailure;
