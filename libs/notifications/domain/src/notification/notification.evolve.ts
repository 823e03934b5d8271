// Replaying a stream re-checks its life cycle: an event that cannot follow the state is a bug.
import { invariant } from '@billing/decider';
import type { NotificationEvent } from './notification.events.js';
import type { NotificationState } from './notification.state.js';

export function evolveNotification(state: NotificationState, event: NotificationEvent): NotificationState {
  if (event.type === 'NotificationRequested') {
    invariant(state.status === 'none', `notification ${event.notificationId} requested twice`);
    return { status: 'pending', requested: event, attempts: 0, nextAttemptAt: event.requestedAt, messageId: null };
  }
  invariant(state.status === 'pending', `${event.type} of notification ${event.notificationId} while ${state.status}`);
  switch (event.type) {
    case 'NotificationSkipped':
      return { ...state, status: 'skipped', nextAttemptAt: null };
    case 'NotificationAttemptFailed':
      invariant(event.attempt === state.attempts + 1, `attempt ${event.attempt} after ${state.attempts}`);
      return { ...state, attempts: event.attempt, nextAttemptAt: event.nextAttemptAt };
    case 'NotificationSent':
      invariant(event.attempts === state.attempts + 1, `sent on attempt ${event.attempts} after ${state.attempts}`);
      return { ...state, status: 'sent', attempts: event.attempts, nextAttemptAt: null, messageId: event.messageId };
    case 'NotificationFailed':
      invariant(event.attempts === state.attempts + 1, `failed on attempt ${event.attempts} after ${state.attempts}`);
      return { ...state, status: 'failed', attempts: event.attempts, nextAttemptAt: null };
  }
}
