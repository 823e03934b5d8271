// The lease that decides which instance sends a due notification, and what happens when its
// holder dies between sending and recording (the at-least-once window): the next holder sees the
// unfinished attempt, and recording twice writes once.
import { DEFAULT_RETRY_POLICY, type RequestNotification } from '@billing/notifications-domain';
import { createPool } from '@billing/postgres';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import type pg from 'pg';
import { NotificationCommitter } from '../infrastructure/notification-committer.js';
import { NotificationsDatabase } from '../infrastructure/notifications-database.js';
import { NotificationClaims } from './claims.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const ID = '0d4c1f5e-5b7a-5c3e-9a10-2b3c4d5e6f70';

let pool: pg.Pool;
let db: NotificationsDatabase;
let committer: NotificationCommitter;
let claims: NotificationClaims;

beforeAll(async () => {
  pool = createPool(testDatabaseUrl(), { max: 4 });
  db = await NotificationsDatabase.open(pool, uniqueName('notif_claims'));
  committer = new NotificationCommitter(db);
  claims = new NotificationClaims(db);
});

afterAll(async () => {
  await db.onApplicationShutdown();
  await pool.query(`DROP SCHEMA IF EXISTS ${db.schema} CASCADE`);
  await pool.end();
});

const request: RequestNotification = {
  type: 'RequestNotification',
  notificationId: ID,
  dedupeKey: 'evt-1/low-balance/customer:c-1',
  kind: 'low-balance',
  holder: { kind: 'customer', id: 'c-1' },
  email: 'jane@example.com',
  language: 'en',
  variables: {},
  source: { eventId: 'evt-1', type: 'wallet.LowBalanceCrossed', occurredAt: T0.toISOString() },
  skip: null,
  now: T0.toISOString(),
};
const metadata = { actor: 'system' };

it('records a request once, however often it is committed', async () => {
  const first = await committer.commit([{ notificationId: ID, command: request, commandId: 'request' }], { metadata, inbox: { consumer: 'test', messageId: 'evt-1' } });
  expect(first.events.map((e) => e.type)).toEqual(['NotificationRequested']);
  const again = await committer.commit([{ notificationId: ID, command: request, commandId: 'request' }], { metadata, inbox: { consumer: 'test', messageId: 'evt-1' } });
  expect(again).toEqual({ events: [], duplicateInbox: true });
  const viaOtherMessage = await committer.commit([{ notificationId: ID, command: request, commandId: 'request' }], { metadata });
  expect(viaOtherMessage).toEqual({ events: [], duplicateInbox: false });
});

it('leases a due notification to one instance; after the lease it is another instance’s, with the unfinished attempt flagged', async () => {
  const a = await claims.claimNext('instance-a', after(0), 1_000);
  expect(a).toEqual({ notificationId: ID, unfinishedAttemptStartedAt: null });
  expect(await claims.claimNext('instance-b', after(999), 1_000)).toBeUndefined();

  // instance-a "crashed" after the SMTP server accepted, before recording: the lease runs out.
  const b = await claims.claimNext('instance-b', after(1_000), 1_000);
  expect(b).toEqual({ notificationId: ID, unfinishedAttemptStartedAt: after(0) });
  await claims.release(ID, 'instance-a'); // a late release by the old holder changes nothing
  expect(await claims.claimNext('instance-c', after(1_500), 1_000)).toBeUndefined();
});

it('writes an outcome once even when both holders record it, and releases the row', async () => {
  const sent = { type: 'RecordSent' as const, notificationId: ID, attempt: 1, messageId: `<${ID}@itc.example>`, now: after(1_100).toISOString() };
  const first = await committer.commit([{ notificationId: ID, command: sent, commandId: 'attempt-1' }], { metadata });
  const second = await committer.commit([{ notificationId: ID, command: { ...sent, now: after(1_200).toISOString() }, commandId: 'attempt-1' }], { metadata });
  expect(first.events.map((e) => e.type)).toEqual(['NotificationSent']);
  expect(second.events).toEqual([]);
  const { rows } = await pool.query(`SELECT status, attempts, claimed_by, claimed_until, attempt_started_at FROM ${db.table('notifications')} WHERE notification_id = $1`, [ID]);
  expect(rows).toEqual([{ status: 'sent', attempts: 1, claimed_by: null, claimed_until: null, attempt_started_at: null }]);
  expect(await claims.claimNext('instance-c', after(60_000), 1_000)).toBeUndefined();
});

it('does not claim a retry before it is due', async () => {
  const id = '1e5d2a6f-6c8b-5d4f-8b21-3c4d5e6f7081';
  await committer.commit([{ notificationId: id, command: { ...request, notificationId: id, dedupeKey: 'evt-2/low-balance/customer:c-1' }, commandId: 'request' }], { metadata });
  expect(await claims.claimNext('a', after(0), 1_000)).toMatchObject({ notificationId: id });
  const failure = { temporary: true, reason: '421 try later' };
  await committer.commit([{ notificationId: id, command: { type: 'RecordSendFailure', notificationId: id, attempt: 1, failure, policy: DEFAULT_RETRY_POLICY, now: after(10).toISOString() }, commandId: 'attempt-1' }], { metadata });
  expect(await claims.claimNext('a', after(60_009), 1_000)).toBeUndefined();
  expect(await claims.claimNext('a', after(60_010), 1_000)).toEqual({ notificationId: id, unfinishedAttemptStartedAt: null });
});
