// Opaque cursors (base64url JSON of the sort key); anything a client made up is a 400.
import { ProblemException } from '@billing/gateway';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(cursor: string, shape: T): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i] && (typeof part !== 'string' || part.length <= 200))) {
      return key as never;
    }
  } catch {
    // the problem below
  }
  throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', { errors: [{ path: '/cursor', message: 'invalid cursor' }] });
}
