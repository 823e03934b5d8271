import { RejectedCommand } from '@billing/decider';

export const notificationNotFound = () => new RejectedCommand('notification not found', 'notification_not_found', 404);
export const notPending = (status: string) => new RejectedCommand(`notification is ${status}, not pending`, 'notification_not_pending', 409);
export const dedupeKeyReused = () => new RejectedCommand('notification id already used for another dedupe key', 'id_reused', 409);
export const attemptOutOfOrder = (expected: number, got: number) =>
  new RejectedCommand(`attempt ${got} recorded while attempt ${expected} is due`, 'attempt_out_of_order', 409);
