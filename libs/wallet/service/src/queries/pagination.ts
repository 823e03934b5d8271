// Cursor pagination (`?limit=&cursor=` → `{items, nextCursor}`): keyset on the ledger position,
// so a page is stable while new lines arrive. The cursor is opaque to clients.
import { ProblemException } from '@billing/gateway';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(position: bigint): string {
  return Buffer.from(`p:${position}`, 'utf8').toString('base64url');
}

/** The position inside a cursor, or a 400 for anything this API did not hand out. */
export function decodeCursor(cursor: string): bigint {
  const match = /^p:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) {
    throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', {
      errors: [{ path: '/cursor', message: 'invalid cursor' }],
    });
  }
  return BigInt(match[1]!);
}

/** Rows fetched with LIMIT pageSize + 1: the extra row only says whether another page exists. */
export function pageOf<Row, T>(rows: Row[], pageSize: number, positionOf: (row: Row) => bigint, view: (row: Row) => T): Page<T> {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > pageSize && last !== undefined ? encodeCursor(positionOf(last)) : null };
}
