// The shared wake-up signal: started once for many listeners, stopped with the last, restarted
// after a failure (and then everyone is woken, since signals may have been lost).
import { WakeHub, type WakeListener, type WakeSource } from './wake-hub.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function scriptedSource() {
  const state = { starts: 0, stops: 0, failStarts: 0, wake: (): void => undefined, fail: (_error: unknown): void => undefined };
  const source: WakeSource = {
    async start(onWake, onError) {
      state.starts += 1;
      if (state.failStarts > 0) {
        state.failStarts -= 1;
        throw new Error('cannot listen');
      }
      state.wake = onWake;
      state.fail = onError;
      return async () => {
        state.stops += 1;
      };
    },
  };
  return { source, state };
}

function listener(): WakeListener & { wakes: number; errors: unknown[] } {
  const self = {
    wakes: 0,
    errors: [] as unknown[],
    wake: () => void (self.wakes += 1),
    reportError: (error: unknown) => void self.errors.push(error),
  };
  return self;
}

test('one source for many listeners; stopped when the last one leaves', async () => {
  const { source, state } = scriptedSource();
  const hub = new WakeHub(source);
  const [a, b] = [listener(), listener()];
  await hub.add(a);
  await hub.add(b);
  expect(state.starts).toBe(1);
  state.wake();
  expect([a.wakes, b.wakes]).toEqual([1, 1]);
  await hub.remove(a);
  expect(state.stops).toBe(0);
  await hub.remove(b);
  expect(state.stops).toBe(1);
});

test('a failed source is reported, restarted after a delay, and everyone is woken', async () => {
  const { source, state } = scriptedSource();
  const hub = new WakeHub(source);
  const a = listener();
  await hub.add(a);
  state.fail(new Error('connection lost'));
  expect(a.errors).toHaveLength(1);
  await sleep(250);
  expect(state.starts).toBe(2);
  expect(state.stops).toBe(1);
  expect(a.wakes).toBe(1);
  await hub.close();
});

test('a source that cannot start rejects add() and keeps retrying in the background', async () => {
  const { source, state } = scriptedSource();
  state.failStarts = 2;
  const hub = new WakeHub(source);
  const a = listener();
  await expect(hub.add(a)).rejects.toThrow('cannot listen');
  await sleep(500); // retries after 100 ms, then 200 ms
  expect(state.starts).toBe(3);
  expect(a.errors).toHaveLength(1);
  await hub.close();
  expect(state.stops).toBe(1);
});
