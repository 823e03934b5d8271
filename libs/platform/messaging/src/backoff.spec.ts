import { AbortedError, backoffDelayMs, pause } from './backoff.js';

const policy = { initialDelayMs: 100, maxDelayMs: 1_000, multiplier: 2 };

describe('backoff', () => {
  it('grows exponentially and never exceeds the cap, jitter included', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(policy, attempt, mid))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffDelayMs(policy, 1_000_000, () => 1)).toBe(1_000);
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(80);
  });

  it('refuses nonsense', () => {
    expect(() => backoffDelayMs(policy, 0)).toThrow('attempt');
    expect(() => backoffDelayMs({ ...policy, maxDelayMs: 10 }, 1)).toThrow('invalid backoff');
  });

  it('pause ticks while it waits and stops at once when aborted', async () => {
    let ticks = 0;
    await pause(35, { signal: new AbortController().signal, tick: async () => void (ticks += 1), tickEveryMs: 10 });
    expect(ticks).toBe(3);
    const abort = new AbortController();
    const waiting = pause(10_000, { signal: abort.signal });
    abort.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
  });
});
