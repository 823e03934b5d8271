// One notification per dedupe key; a recorded outcome is final. Outcomes name their attempt, so
// recording the same outcome twice (a retried write) decides nothing the second time.
import { nextAttemptAfter } from '../delivery/retry-policy.js';
import type { NotificationCommand, RecordSendFailure, RecordSent, RequestNotification } from './notification.commands.js';
import type { NotificationEvent } from './notification.events.js';
import type { NotificationState } from './notification.state.js';
import { attemptOutOfOrder, dedupeKeyReused, notificationNotFound, notPending } from './rejections.js';

export function decideNotification(command: NotificationCommand, state: NotificationState): NotificationEvent[] {
  switch (command.type) {
    case 'RequestNotification':
      return request(command, state);
    case 'RecordSent':
      return recordSent(command, state);
    case 'RecordSendFailure':
      return recordFailure(command, state);
  }
}

function request(command: RequestNotification, state: NotificationState): NotificationEvent[] {
  if (state.status !== 'none') {
    if (state.requested.dedupeKey !== command.dedupeKey) throw dedupeKeyReused();
    return [];
  }
  const { type: _type, skip, now, ...fields } = command;
  const requested: NotificationEvent = { type: 'NotificationRequested', ...fields, requestedAt: now };
  if (skip === null) return [requested];
  return [requested, { type: 'NotificationSkipped', notificationId: command.notificationId, reason: skip, skippedAt: now }];
}

/** [] for an outcome already recorded; throws for one that cannot be (another attempt, not pending). */
function dueAttempt(command: RecordSent | RecordSendFailure, state: NotificationState): boolean {
  if (state.status === 'none') throw notificationNotFound();
  const due = state.attempts + 1;
  if (state.status === 'pending') {
    if (command.attempt === due) return true;
    if (command.attempt < due) return false;
    throw attemptOutOfOrder(due, command.attempt);
  }
  if (state.status === 'sent' || state.status === 'failed') {
    if (command.attempt <= state.attempts) return false;
  }
  throw notPending(state.status);
}

function recordSent(command: RecordSent, state: NotificationState): NotificationEvent[] {
  if (!dueAttempt(command, state)) return [];
  return [{ type: 'NotificationSent', notificationId: command.notificationId, messageId: command.messageId, attempts: command.attempt, sentAt: command.now }];
}

function recordFailure(command: RecordSendFailure, state: NotificationState): NotificationEvent[] {
  if (!dueAttempt(command, state)) return [];
  const { notificationId, attempt, failure, now } = command;
  if (failure.temporary) {
    const next = nextAttemptAfter(command.policy, attempt, now);
    if (next !== null) return [{ type: 'NotificationAttemptFailed', notificationId, attempt, reason: failure.reason, nextAttemptAt: next, failedAt: now }];
    return [{ type: 'NotificationFailed', notificationId, attempts: attempt, reason: `gave up after ${attempt} attempts: ${failure.reason}`, permanent: false, failedAt: now }];
  }
  return [{ type: 'NotificationFailed', notificationId, attempts: attempt, reason: failure.reason, permanent: true, failedAt: now }];
}
