// Cursor pagination (`?limit=&cursor=` → `{items, nextCursor}`): keyset on each list's sort key,
// so a page is stable while rows are added. The cursor is opaque to clients (base64url JSON).
import { ProblemException } from '@billing/gateway';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * What each part of a sort key must look like before it reaches SQL: a made-up part of the right
 * count must still be a 400, never a cast error (500) in the query.
 * - `text`: any string; `boolean`: 'true'/'false'; `integer`: a non-negative safe integer;
 * - `timestamp`: a time as `Date.toISOString()` writes it (what the lists hand out), or `-infinity`
 *   (the sort time of rows without one).
 */
export type CursorPart = 'text' | 'boolean' | 'integer' | 'timestamp';

/** The sort key of a row with no time of its own (it sorts before every real time). */
export const NO_TIME = '-infinity';

/** A timestamptz sort key as a cursor part: pg hands `-infinity` back as the number -Infinity. */
export function timeKey(value: Date | number): string {
  return value instanceof Date ? value.toISOString() : NO_TIME;
}

const VALID: Record<CursorPart, (part: string) => boolean> = {
  text: () => true,
  boolean: (part) => part === 'true' || part === 'false',
  integer: (part) => /^\d{1,15}$/.test(part),
  timestamp: (part) => part === NO_TIME || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(part) && isRealTime(part)),
};

/** Rejects dates a regex admits but no calendar has (2026-02-31), which PostgreSQL would refuse. */
function isRealTime(iso: string): boolean {
  const time = new Date(iso);
  return !Number.isNaN(time.getTime()) && time.toISOString() === iso;
}

/** The sort key inside a cursor (one string per `shape` part), or a 400 for anything a client made up. */
export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === 'string' && part.length <= 200 && VALID[shape[i]!](part))) {
      return key as string[];
    }
  } catch {
    // fall through to the problem below
  }
  throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', {
    errors: [{ path: '/cursor', message: 'invalid cursor' }],
  });
}

/** Rows fetched with LIMIT pageSize + 1: the extra row only says whether another page exists. */
export function pageOf<Row, T>(rows: Row[], pageSize: number, keyOf: (row: Row) => string[], view: (row: Row) => T): Page<T> {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return {
    items: items.map(view),
    nextCursor: rows.length > pageSize && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
