import { ReplayBuffer } from './replay-buffer.js';

const item = (id: string) => ({ id });
const ids = (items: Array<{ id: string }> | undefined) => items?.map((i) => i.id);

describe('replay buffer', () => {
  it('returns what came after an id, oldest first', () => {
    const buffer = new ReplayBuffer<{ id: string }>(5);
    ['a', 'b', 'c'].forEach((id) => buffer.push(item(id)));
    expect(ids(buffer.after('a'))).toEqual(['b', 'c']);
    expect(ids(buffer.after('c'))).toEqual([]);
    expect(buffer.after('nope')).toBeUndefined();
  });

  it('holds at most its capacity: the oldest are forgotten', () => {
    const buffer = new ReplayBuffer<{ id: string }>(3);
    ['a', 'b', 'c', 'd', 'e'].forEach((id) => buffer.push(item(id)));
    expect(buffer.size).toBe(3);
    expect(buffer.after('a')).toBeUndefined();
    expect(buffer.after('b')).toBeUndefined();
    expect(ids(buffer.after('c'))).toEqual(['d', 'e']);
  });

  it('forgets everything on clear (a gap in the feed)', () => {
    const buffer = new ReplayBuffer<{ id: string }>(3);
    ['a', 'b'].forEach((id) => buffer.push(item(id)));
    buffer.clear();
    expect(buffer.size).toBe(0);
    expect(buffer.after('a')).toBeUndefined();
    buffer.push(item('c'));
    buffer.push(item('d'));
    expect(ids(buffer.after('c'))).toEqual(['d']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new ReplayBuffer(0)).toThrow('replay buffer capacity must be a positive integer, got 0');
  });
});
