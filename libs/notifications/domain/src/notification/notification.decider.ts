import type { Decider } from '@billing/decider';
import type { NotificationCommand } from './notification.commands.js';
import { decideNotification } from './notification.decide.js';
import type { NotificationEvent } from './notification.events.js';
import { evolveNotification } from './notification.evolve.js';
import { initialNotificationState, type NotificationState } from './notification.state.js';

export const notificationDecider: Decider<NotificationCommand, NotificationEvent, NotificationState> = {
  decide: decideNotification,
  evolve: evolveNotification,
  initialState: initialNotificationState,
};

export function notificationStreamId(notificationId: string): string {
  return `notification-${notificationId}`;
}
