import { spec } from '@billing/decider/testing';
import { at, attemptFailed, NOTIFICATION_ID, policy, request, requested, T0 } from '../testing/fixtures.js';
import type { NotificationCommand } from './notification.commands.js';
import { notificationDecider } from './notification.decider.js';
import type { NotificationEvent } from './notification.events.js';

const given = (events: NotificationEvent[]) => spec(notificationDecider).given(events);
const sent = (attempt: number, now = at(1)): NotificationCommand => ({ type: 'RecordSent', notificationId: NOTIFICATION_ID, attempt, messageId: `<${NOTIFICATION_ID}@itc.example>`, now });
const failure = (attempt: number, temporary: boolean, now = at(1)): NotificationCommand => ({
  type: 'RecordSendFailure',
  notificationId: NOTIFICATION_ID,
  attempt,
  failure: { temporary, reason: temporary ? '421: try again later' : '550: mailbox unavailable' },
  policy,
  now,
});

describe('RequestNotification', () => {
  it('records the request', () => given([]).when(request).then([requested]));

  it('is one notification per dedupe key: a second request decides nothing', () => given([requested]).when(request).thenNothing());

  it('refuses the same id for another dedupe key', () =>
    given([requested]).when({ ...request, dedupeKey: 'evt-2/low-balance/customer:c-1' }).thenRejects('notification id already used for another dedupe key', 'id_reused'));

  it.each(['no-email', 'opted-out', 'mail-disabled'] as const)('records a notification skipped for %s', (reason) =>
    given([]).when({ ...request, skip: reason }).then([requested, { type: 'NotificationSkipped', notificationId: NOTIFICATION_ID, reason, skippedAt: T0 }]));
});

describe('RecordSent', () => {
  it('records the accepted message and the attempts it took', () =>
    given([requested]).when(sent(1)).then([{ type: 'NotificationSent', notificationId: NOTIFICATION_ID, messageId: `<${NOTIFICATION_ID}@itc.example>`, attempts: 1, sentAt: at(1) }]));

  it('counts the failed attempts before it: 421 twice, then accepted = 3 attempts', () => {
    const history = [requested, attemptFailed(1, at(1), at(61)), attemptFailed(2, at(61), at(181))];
    expect(given(history).when(sent(3, at(181))).events()).toEqual([expect.objectContaining({ type: 'NotificationSent', attempts: 3 })]);
  });

  it('is idempotent: the same outcome recorded again decides nothing', () => {
    const once = given([requested]).when(sent(1)).events();
    given([requested, ...once]).when(sent(1)).thenNothing();
  });

  it('ignores the outcome of an attempt that is already recorded', () => given([requested, attemptFailed(1, at(1), at(61))]).when(sent(1)).thenNothing());

  it('refuses an attempt from the future', () => given([requested]).when(sent(2)).thenRejects('attempt 2 recorded while attempt 1 is due', 'attempt_out_of_order'));

  it('refuses to send what was skipped', () =>
    given([requested, { type: 'NotificationSkipped', notificationId: NOTIFICATION_ID, reason: 'no-email', skippedAt: T0 }])
      .when(sent(1))
      .thenRejects('notification is skipped, not pending', 'notification_not_pending'));

  it('refuses an unknown notification', () => given([]).when(sent(1)).thenRejects('notification not found', 'notification_not_found'));
});

describe('RecordSendFailure', () => {
  it('schedules the next attempt after a temporary failure, backing off exponentially', () => {
    given([requested]).when(failure(1, true, at(1))).then([attemptFailed(1, at(1), at(61))]);
    given([requested, attemptFailed(1, at(1), at(61))]).when(failure(2, true, at(61))).then([attemptFailed(2, at(61), at(181))]);
  });

  it('gives up once the attempts are used up: failed, not retried forever', () =>
    given([requested, attemptFailed(1, at(1), at(61)), attemptFailed(2, at(61), at(181))])
      .when(failure(3, true, at(181)))
      .then([{ type: 'NotificationFailed', notificationId: NOTIFICATION_ID, attempts: 3, reason: 'gave up after 3 attempts: 421: try again later', permanent: false, failedAt: at(181) }]));

  it('fails at once on a permanent refusal', () =>
    given([requested])
      .when(failure(1, false))
      .then([{ type: 'NotificationFailed', notificationId: NOTIFICATION_ID, attempts: 1, reason: '550: mailbox unavailable', permanent: true, failedAt: at(1) }]));

  it('ignores a failure recorded again after the notification failed', () => {
    const failed = given([requested]).when(failure(1, false)).events();
    given([requested, ...failed]).when(failure(1, false)).thenNothing();
  });

  it('refuses a later outcome once the notification failed', () => {
    const failed = given([requested]).when(failure(1, false)).events();
    given([requested, ...failed]).when(sent(2)).thenRejects('notification is failed, not pending', 'notification_not_pending');
  });
});

describe('evolve', () => {
  it('refuses an event that cannot follow the state (a corrupt stream is a bug)', () => {
    const state = notificationDecider.evolve(notificationDecider.initialState(), requested);
    const done = notificationDecider.evolve(state, { type: 'NotificationSent', notificationId: NOTIFICATION_ID, messageId: 'm', attempts: 1, sentAt: at(1) });
    expect(() => notificationDecider.evolve(done, { type: 'NotificationSent', notificationId: NOTIFICATION_ID, messageId: 'm', attempts: 2, sentAt: at(2) })).toThrow(
      'NotificationSent of notification 6f1c2e0a-9a43-5c1e-8f00-0a1b2c3d4e5f while sent',
    );
    expect(() => notificationDecider.evolve(done, requested)).toThrow('requested twice');
  });
});
