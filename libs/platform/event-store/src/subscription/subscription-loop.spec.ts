// The loop's rules with a scripted readAll (the adapters' real readAll runs in the contract suite).
import { compareCheckpoints, START, type Checkpoint, type ReadAllResult, type RecordedEvent, type SubscribeOptions } from '../port.js';
import { SubscriptionLoop } from './subscription-loop.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(2);
  }
}

function recorded(position: number): RecordedEvent {
  return {
    eventId: `e${position}`,
    type: 'T',
    data: {},
    metadata: {},
    streamId: 's',
    streamVersion: position,
    checkpoint: { transactionId: 1n, position: BigInt(position) },
    recordedAt: new Date(0),
  };
}

/** An append-only list with readAll semantics: strictly after `from`, at most `limit`. */
function log() {
  const events: RecordedEvent[] = [];
  const limits: number[] = [];
  return {
    events,
    limits,
    push(count: number): void {
      for (let i = 0; i < count; i += 1) events.push(recorded(events.length + 1));
    },
    readAll: async (from: Checkpoint, limit: number): Promise<ReadAllResult> => {
      limits.push(limit);
      const batch = events.filter((e) => compareCheckpoints(e.checkpoint, from) > 0).slice(0, limit);
      return { events: batch, checkpoint: batch.at(-1)?.checkpoint ?? from };
    },
  };
}

const stops: SubscriptionLoop[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((loop) => loop.stop()));
});

function start(readAll: (from: Checkpoint, limit: number) => Promise<ReadAllResult>, options: Partial<SubscribeOptions> & Pick<SubscribeOptions, 'handler'>): SubscriptionLoop {
  const loop = new SubscriptionLoop(readAll, { from: START, pollIntervalMs: 60_000, ...options });
  stops.push(loop);
  return loop;
}

test('delivers everything in order in batches of at most batchSize, checkpoint after each batch', async () => {
  const source = log();
  source.push(7);
  const batches: string[][] = [];
  const loop = start(source.readAll, { batchSize: 3, handler: async (events) => void batches.push(events.map((e) => e.eventId)) });
  await waitFor(() => batches.flat().length === 7);
  expect(batches).toEqual([['e1', 'e2', 'e3'], ['e4', 'e5', 'e6'], ['e7']]);
  expect(loop.checkpoint).toEqual({ transactionId: 1n, position: 7n });
  expect(Math.max(...source.limits)).toBe(3);
});

test('wake() ends the idle wait at once; without it nothing arrives before the poll interval', async () => {
  const source = log();
  const seen: string[] = [];
  const loop = start(source.readAll, { handler: async (events) => void seen.push(...events.map((e) => e.eventId)) });
  await sleep(20);
  source.push(1);
  await sleep(50);
  expect(seen).toEqual([]);
  loop.wake();
  await waitFor(() => seen.length === 1, 200);
  expect(seen).toEqual(['e1']);
});

test('woken while events are still held back (older transaction open): re-reads soon, without another wake', async () => {
  const source = log();
  let visibleFrom = Number.POSITIVE_INFINITY;
  const seen: number[] = [];
  const loop = start(
    async (from, limit) => (performance.now() < visibleFrom ? { events: [], checkpoint: from } : source.readAll(from, limit)),
    { handler: async () => void seen.push(performance.now()) },
  );
  await sleep(20);
  source.push(1);
  const heldUntil = performance.now() + 600;
  visibleFrom = heldUntil;
  loop.wake(); // the commit's notification arrives while an older transaction still holds the order back
  await waitFor(() => seen.length === 1, 2_000);
  expect(seen[0]! - heldUntil).toBeLessThan(300); // chased at most 250 ms apart, not the 60 s poll
});

test('a failing handler gets the same batch again after growing delays; onError sees each failure', async () => {
  const source = log();
  source.push(2);
  const calls: number[] = [];
  const errors: string[] = [];
  let failures = 3;
  start(source.readAll, {
    retryDelayMs: 10,
    onError: (error) => errors.push((error as Error).message),
    handler: async (events) => {
      calls.push(performance.now());
      expect(events.map((e) => e.eventId)).toEqual(['e1', 'e2']);
      if (failures > 0) {
        failures -= 1;
        throw new Error('boom');
      }
    },
  });
  await waitFor(() => calls.length === 4);
  expect(errors).toEqual(['boom', 'boom', 'boom']);
  const gaps = calls.slice(1).map((at, i) => at - calls[i]!);
  expect(gaps[0]).toBeGreaterThanOrEqual(9);
  expect(gaps[1]).toBeGreaterThanOrEqual(19);
  expect(gaps[2]).toBeGreaterThanOrEqual(39);
});

test('the retry delay is capped by maxRetryDelayMs', async () => {
  const source = log();
  source.push(1);
  const calls: number[] = [];
  let failures = 6;
  start(source.readAll, {
    retryDelayMs: 5,
    maxRetryDelayMs: 20,
    onError: () => undefined,
    handler: async () => {
      calls.push(performance.now());
      if (failures-- > 0) throw new Error('boom');
    },
  });
  await waitFor(() => calls.length === 7);
  const gaps = calls.slice(1).map((at, i) => at - calls[i]!);
  expect(Math.max(...gaps)).toBeLessThan(100);
});

test('a failing readAll is reported and retried from the same checkpoint', async () => {
  const source = log();
  source.push(1);
  let broken = 2;
  const errors: unknown[] = [];
  const seen: string[] = [];
  start(
    async (from, limit) => {
      if (broken-- > 0) throw new Error('connection lost');
      return source.readAll(from, limit);
    },
    { retryDelayMs: 5, onError: (error) => errors.push(error), handler: async (events) => void seen.push(...events.map((e) => e.eventId)) },
  );
  await waitFor(() => seen.length === 1);
  expect(errors).toHaveLength(2);
});

test('stop() waits for the running handler, then resolves; the checkpoint covers it', async () => {
  const source = log();
  source.push(1);
  let finished = false;
  let started = false;
  const loop = new SubscriptionLoop(source.readAll, {
    from: START,
    handler: async () => {
      started = true;
      await sleep(100);
      finished = true;
    },
  });
  await waitFor(() => started);
  await loop.stop();
  expect(finished).toBe(true);
  expect(loop.checkpoint).toEqual({ transactionId: 1n, position: 1n });
});

test('stop() interrupts an idle wait and a retry backoff promptly', async () => {
  const source = log();
  const idle = new SubscriptionLoop(source.readAll, { from: START, pollIntervalMs: 60_000, handler: async () => undefined });
  await sleep(10);
  const t0 = performance.now();
  await idle.stop();
  source.push(1);
  const failing = new SubscriptionLoop(source.readAll, {
    from: START,
    retryDelayMs: 60_000,
    onError: () => undefined,
    handler: async () => {
      throw new Error('always');
    },
  });
  await sleep(20);
  await failing.stop();
  expect(performance.now() - t0).toBeLessThan(500);
});

test('options are bounded', () => {
  const source = log();
  expect(() => new SubscriptionLoop(source.readAll, { from: START, batchSize: 0, handler: async () => undefined })).toThrow('batchSize');
  expect(() => new SubscriptionLoop(source.readAll, { from: START, batchSize: 10_001, handler: async () => undefined })).toThrow('batchSize');
});
