import { deliverWindowed } from './windowed.js';

interface Item {
  readonly id: number;
  readonly key: string;
}

const items = (keys: string): Item[] => [...keys].map((key, id) => ({ id, key }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('deliverWindowed', () => {
  it('runs different keys concurrently up to the bound, one key in order, and acknowledges only the completed prefix', async () => {
    const started: number[] = [];
    const finish = new Map<number, () => void>();
    const acked: number[] = [];
    let peak = 0;
    let active = 0;
    const run = deliverWindowed(items('abab c'), {
      maxInFlight: 3,
      keyOf: (item) => item.key,
      deliver: (item) =>
        new Promise<void>((resolve) => {
          started.push(item.id);
          active += 1;
          peak = Math.max(peak, active);
          finish.set(item.id, () => {
            active -= 1;
            resolve();
          });
        }),
      onDone: (index) => acked.push(index),
    });
    await tick();
    // a(0) and b(1) run; a(2) waits behind 0 and counts in the window, so b(3) is not started yet
    expect(started).toEqual([0, 1]);
    finish.get(1)!();
    await tick();
    expect(acked).toEqual([]);
    expect(started).toEqual([0, 1, 3]);
    finish.get(0)!();
    await tick();
    expect(acked).toEqual([0, 1]);
    expect(started).toContain(2);
    for (const id of [2, 3]) finish.get(id)!();
    await tick();
    for (const id of [4, 5]) finish.get(id)?.();
    await tick();
    for (const id of [4, 5]) finish.get(id)?.();
    await run;
    expect(acked).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('on a failure starts nothing new, waits for what runs, acknowledges the prefix before it and rethrows', async () => {
    const delivered: number[] = [];
    const acked: number[] = [];
    const run = deliverWindowed(items('abcdef'), {
      maxInFlight: 2,
      keyOf: (item) => item.key,
      deliver: async (item) => {
        await tick();
        if (item.id === 2) throw new Error('handler failed on 2');
        delivered.push(item.id);
      },
      onDone: (index) => acked.push(index),
    });
    await expect(run).rejects.toThrow('handler failed on 2');
    expect(acked).toEqual([0, 1]);
    expect(delivered).not.toContain(5);
  });

  it('skips the rest of a key after its failure and stops when asked', async () => {
    const delivered: number[] = [];
    await expect(
      deliverWindowed(items('aab'), {
        maxInFlight: 3,
        keyOf: (item) => item.key,
        deliver: async (item) => {
          if (item.id === 0) throw new Error('first a fails');
          delivered.push(item.id);
        },
        onDone: () => undefined,
      }),
    ).rejects.toThrow('first a fails');
    expect(delivered).not.toContain(1);
    let calls = 0;
    await deliverWindowed(items('abc'), { maxInFlight: 1, keyOf: (item) => item.key, deliver: async () => void (calls += 1), onDone: () => undefined, shouldStop: () => calls >= 2 });
    expect(calls).toBe(2);
    await expect(deliverWindowed(items('a'), { maxInFlight: 0, keyOf: () => 'a', deliver: async () => undefined, onDone: () => undefined })).rejects.toThrow('maxInFlight');
  });
});
