// The consumer inbox (docs/ARCHITECTURE.md, Messaging): a message id recorded in the same transaction as its effect,
// so a redelivered message is recognised and its effect is not applied twice.
import type pg from 'pg';
import type { InboxEntry } from '../port.js';
import type { SchemaNames } from './schema-names.js';

const MAX_INBOX_KEY_LENGTH = 500;

/** PostgreSQL's SQLSTATE of a statement cancelled (by statement_timeout or pg_cancel_backend). */
const QUERY_CANCELED = '57014';

export function assertInboxEntry(entry: InboxEntry): void {
  for (const [name, value] of [['consumer', entry.consumer], ['messageId', entry.messageId]] as const) {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_INBOX_KEY_LENGTH) {
      throw new Error(`inbox ${name} must be 1..${MAX_INBOX_KEY_LENGTH} characters`);
    }
  }
}

/**
 * true = recorded now (first delivery); false = already there (a redelivery). Concurrent
 * deliveries of one message: the second waits for the first's commit, then gets false.
 */
export async function markInbox(db: pg.Pool | pg.ClientBase, n: SchemaNames, entry: InboxEntry): Promise<boolean> {
  assertInboxEntry(entry);
  const result = await db.query(
    `INSERT INTO ${n.inbox} (consumer, message_id) VALUES ($1, $2) ON CONFLICT (consumer, message_id) DO NOTHING RETURNING 1`,
    [entry.consumer, entry.messageId],
  );
  return result.rowCount === 1;
}

/** markInbox for many entries in one statement: one boolean per entry, in order (a repeat within `entries` is false). */
export async function markInboxMany(db: pg.Pool | pg.ClientBase, n: SchemaNames, entries: readonly InboxEntry[]): Promise<boolean[]> {
  if (entries.length === 0) return [];
  entries.forEach(assertInboxEntry);
  const { rows } = await db.query<{ consumer: string; message_id: string }>(
    `INSERT INTO ${n.inbox} (consumer, message_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (consumer, message_id) DO NOTHING RETURNING consumer, message_id`,
    [entries.map((entry) => entry.consumer), entries.map((entry) => entry.messageId)],
  );
  const recorded = new Set(rows.map((row) => `${row.consumer}\u0000${row.message_id}`));
  // the first of two equal entries takes the recording; the second is a repeat
  return entries.map((entry) => recorded.delete(`${entry.consumer}\u0000${entry.messageId}`));
}

export async function hasInbox(db: pg.Pool | pg.ClientBase, n: SchemaNames, entry: InboxEntry): Promise<boolean> {
  assertInboxEntry(entry);
  const result = await db.query(`SELECT 1 FROM ${n.inbox} WHERE consumer = $1 AND message_id = $2`, [entry.consumer, entry.messageId]);
  return result.rowCount === 1;
}

/**
 * Which of `messageIds` `consumer` has recorded — one statement for all of them. A caller that
 * waits only so long (read-your-writes, a catch-up within accounts' bound) passes `withinMs`,
 * counted from the call: what is left of it after a connection was free becomes the statement's
 * server-side timeout (rejecting with 57014; nothing left: rejected without asking), so a lookup
 * nobody waits for is not left running. `signal` aborted before a connection was free skips the
 * query; aborted while it runs, the server cancels it (pg_cancel_backend) — the wait it served is
 * settled, e.g. answered before a lock on the inbox was released.
 */
export async function heldInbox(
  pool: pg.Pool,
  n: SchemaNames,
  consumer: string,
  messageIds: readonly string[],
  bound: { withinMs: number; signal?: AbortSignal },
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  messageIds.forEach((messageId) => assertInboxEntry({ consumer, messageId }));
  const started = Date.now();
  const client = await pool.connect();
  let cancel: (() => void) | undefined;
  let cancelling: Promise<unknown> | undefined;
  try {
    if (bound.signal?.aborted) return new Set();
    const leftMs = Math.ceil(bound.withinMs - (Date.now() - started));
    if (leftMs < 1) throw Object.assign(new Error('canceling statement due to statement timeout (no time left after waiting for a connection)'), { code: QUERY_CANCELED });
    await client.query('BEGIN READ ONLY');
    const { rows: session } = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid, set_config('statement_timeout', $1, true)`, [String(leftMs)]);
    const pid = session[0]!.pid;
    cancel = () => (cancelling = pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined));
    bound.signal?.addEventListener('abort', cancel, { once: true });
    if (bound.signal?.aborted) {
      await client.query('ROLLBACK');
      return new Set();
    }
    const { rows } = await client.query<{ message_id: string }>(`SELECT message_id FROM ${n.inbox} WHERE consumer = $1 AND message_id = ANY($2::text[])`, [
      consumer,
      messageIds,
    ]);
    bound.signal?.removeEventListener('abort', cancel);
    await client.query('COMMIT');
    return new Set(rows.map((row) => row.message_id));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (cancel !== undefined) bound.signal?.removeEventListener('abort', cancel);
    // a cancel may land after the statement it was meant for: this connection serves no one after it
    if (cancelling !== undefined) await cancelling;
    client.release(cancelling !== undefined);
  }
}
