// The admin listing: newest first, keyset pagination on (requested_at, notification_id), so a
// page stays stable while notifications are added. The cursor is opaque (base64url JSON).
import { ProblemException } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { NotificationsDatabase } from '../infrastructure/notifications-database.js';
import type { ListNotificationsQuery } from './list-notifications.query.js';
import type { NotificationsPage, NotificationView } from './notifications.responses.js';

export type { NotificationsPage, NotificationView };

interface NotificationRow {
  notification_id: string;
  kind: string;
  status: string;
  holder_kind: string;
  holder_id: string;
  email: string | null;
  language: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  skip_reason: string | null;
  message_id: string | null;
  source_event_id: string;
  source_event_type: string;
  requested_at: Date;
  updated_at: Date;
}

@Injectable()
export class NotificationsQueries {
  constructor(@Inject(NotificationsDatabase) private readonly db: NotificationsDatabase) {}

  async list(query: ListNotificationsQuery): Promise<NotificationsPage> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (query.status !== undefined) where.push(`status = ${param(query.status)}`);
    if (query.recipient !== undefined) where.push(`lower(email) = lower(${param(query.recipient)})`);
    if (query.cursor !== undefined) {
      const [requestedAt, id] = decodeCursor(query.cursor);
      where.push(`(requested_at, notification_id) < (${param(requestedAt)}::timestamptz, ${param(id)}::uuid)`);
    }
    const { rows } = await this.db.pool.query<NotificationRow>(
      `SELECT notification_id::text, kind, status, holder_kind, holder_id, email, language, attempts, next_attempt_at, last_error, skip_reason,
              message_id, source_event_id, source_event_type, requested_at, updated_at
         FROM ${this.db.table('notifications')}
        ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY requested_at DESC, notification_id DESC
        LIMIT ${param(query.limit + 1)}`,
      values,
    );
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(view),
      nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last) : null,
    };
  }
}

function view(row: NotificationRow): NotificationView {
  return {
    notificationId: row.notification_id,
    kind: row.kind,
    status: row.status,
    recipient: row.email,
    holder: { kind: row.holder_kind, id: row.holder_id },
    language: row.language,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    skipReason: row.skip_reason,
    messageId: row.message_id,
    source: { eventId: row.source_event_id, type: row.source_event_type },
    requestedAt: row.requested_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * requested_at is always written from the service clock (millisecond ISO strings), so the Date read
 * back holds it exactly: no row is skipped or repeated at a page boundary.
 */
function encodeCursor(row: NotificationRow): string {
  return Buffer.from(JSON.stringify([row.requested_at.toISOString(), row.notification_id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && !Number.isNaN(Date.parse(key[0])) && typeof key[1] === 'string' && UUID.test(key[1])) {
      return [key[0], key[1]];
    }
  } catch {
    // fall through to the problem below
  }
  throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', {
    errors: [{ path: '/cursor', message: 'invalid cursor' }],
  });
}
