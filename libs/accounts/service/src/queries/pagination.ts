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

/** The sort key inside a cursor (`parts` strings), or a 400 for anything a client made up. */
export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string' && part.length <= 200)) return key as string[];
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
