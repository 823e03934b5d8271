import { ProblemException } from '@billing/gateway';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';

describe('cursors', () => {
  it('round-trip the sort key', () => {
    expect(decodeCursor(encodeCursor(['2025-03-01T10:00:00.000Z', 'a-1']), 2)).toEqual(['2025-03-01T10:00:00.000Z', 'a-1']);
  });

  it('refuse what the API did not hand out with a 400', () => {
    for (const cursor of ['garbage', encodeCursor(['one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(cursor, 2)).toThrow(ProblemException);
    }
  });

  it('say whether another page exists from the one extra row', () => {
    const rows = [1, 2, 3];
    expect(pageOf(rows, 2, (n) => [String(n)], (n) => n * 10)).toEqual({ items: [10, 20], nextCursor: encodeCursor(['2']) });
    expect(pageOf(rows, 3, (n) => [String(n)], (n) => n)).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
