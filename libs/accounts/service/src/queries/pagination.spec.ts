import { ProblemException } from '@billing/gateway';
import { decodeCursor, encodeCursor, pageOf, timeKey } from './pagination.js';

describe('cursors', () => {
  it('round-trip the sort key', () => {
    expect(decodeCursor(encodeCursor(['2025-03-01T10:00:00.000Z', 'a-1']), ['timestamp', 'text'])).toEqual(['2025-03-01T10:00:00.000Z', 'a-1']);
    expect(decodeCursor(encodeCursor(['false', '-infinity', 'a-1']), ['boolean', 'timestamp', 'text'])).toEqual(['false', '-infinity', 'a-1']);
    expect(decodeCursor(encodeCursor(['42']), ['integer'])).toEqual(['42']);
  });

  it('refuse what the API did not hand out with a 400', () => {
    for (const cursor of ['garbage', encodeCursor(['one']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(cursor, ['text', 'text'])).toThrow(ProblemException);
    }
  });

  it('refuse a part of the right count but the wrong kind (it would be a cast error in SQL)', () => {
    const refused: [string[], Parameters<typeof decodeCursor>[1]][] = [
      [['x', 'a'], ['timestamp', 'text']],
      [['2026-02-31T00:00:00.000Z', 'a'], ['timestamp', 'text']],
      [['1', 'a'], ['timestamp', 'text']],
      [['yes', '-infinity', 'a'], ['boolean', 'timestamp', 'text']],
      [['-1'], ['integer']],
      [['1e3'], ['integer']],
    ];
    for (const [key, shape] of refused) expect(() => decodeCursor(encodeCursor(key), shape)).toThrow(ProblemException);
  });

  it('write a row without a time (pg reads -infinity as a number) as a part the cursor takes back', () => {
    expect(timeKey(Number.NEGATIVE_INFINITY)).toBe('-infinity');
    expect(timeKey(new Date('2025-03-01T10:00:00.000Z'))).toBe('2025-03-01T10:00:00.000Z');
  });

  it('say whether another page exists from the one extra row', () => {
    const rows = [1, 2, 3];
    expect(pageOf(rows, 2, (n) => [String(n)], (n) => n * 10)).toEqual({ items: [10, 20], nextCursor: encodeCursor(['2']) });
    expect(pageOf(rows, 3, (n) => [String(n)], (n) => n)).toEqual({ items: [1, 2, 3], nextCursor: null });
  });
});
