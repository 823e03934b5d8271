import { HandledEvents } from './handled-events.js';

describe('HandledEvents', () => {
  it('answers a wait once every id is handled, notified (no lookup needed)', async () => {
    const handled = new HandledEvents();
    handled.track(async () => new Set());
    const waiting = handled.waitFor(['a', 'b'], 1_000);
    handled.handled('a');
    handled.handled('b');
    await expect(waiting).resolves.toBe(true);
  });

  it('finds ids handled before the wait and ids the inbox already holds', async () => {
    const handled = new HandledEvents();
    handled.track(async (ids) => new Set(ids.filter((id) => id === 'in-inbox')));
    handled.handled('earlier');
    await expect(handled.waitFor(['earlier', 'in-inbox'], 1_000)).resolves.toBe(true);
  });

  it('gives up after the timeout, and at once when no consumer is tracked', async () => {
    const handled = new HandledEvents();
    await expect(handled.waitFor(['x'], 1_000)).resolves.toBe(false);
    handled.track(async () => new Set());
    await expect(handled.waitFor(['never'], 20)).resolves.toBe(false);
  });

  it('asks the lookup once for every pending id, bounded by the wait, and aborts it when the wait is over', async () => {
    const handled = new HandledEvents();
    const calls: { ids: readonly string[]; withinMs: number; signal: AbortSignal }[] = [];
    handled.track((ids, bound) => {
      calls.push({ ids, ...bound });
      return new Promise(() => undefined); // a lookup that never answers
    });
    await expect(handled.waitFor(['a', 'b', 'c'], 20)).resolves.toBe(false);
    expect(calls.map(({ ids, withinMs }) => ({ ids, withinMs }))).toEqual([{ ids: ['a', 'b', 'c'], withinMs: 20 }]);
    expect(calls[0]!.signal.aborted).toBe(true);

    const notified = handled.waitFor(['d'], 1_000);
    handled.handled('d');
    await expect(notified).resolves.toBe(true);
    expect(calls[1]!.signal.aborted).toBe(true);
  });
});
