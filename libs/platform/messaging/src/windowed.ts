// Delivering a batch with several messages in flight, for consumers whose handler is safe to run
// concurrently across aggregates (ConsumeOptions.maxInFlight). Messages of one key (the aggregate
// id, the Kafka message key) still run one after another in batch order; `onDone` is told of the
// completed prefix only, in order, so a transport acknowledges nothing past a message still
// running or failed. On the first failure nothing new starts; what runs is awaited; the error is
// rethrown, and the transport redelivers from the first unacknowledged message (the inbox
// recognises the ones that had completed after it).

export interface WindowOptions<T> {
  /** at most this many deliveries started and not finished (≥ 1). */
  readonly maxInFlight: number;
  readonly keyOf: (item: T) => string;
  readonly deliver: (item: T) => Promise<void>;
  /** items[0..index] have all completed (called once per index, ascending). */
  readonly onDone: (index: number) => void;
  /** checked before each start: a stopped consumer starts nothing more. */
  readonly shouldStop?: () => boolean;
  /** awaited by the loop between starts (heartbeats, periodic offset commits); never concurrently. */
  readonly tick?: () => Promise<void>;
}

export async function deliverWindowed<T>(items: readonly T[], options: WindowOptions<T>): Promise<void> {
  if (!(Number.isInteger(options.maxInFlight) && options.maxInFlight >= 1)) throw new Error(`maxInFlight must be an integer ≥ 1, got ${options.maxInFlight}`);
  const done = new Uint8Array(items.length);
  let acknowledged = 0;
  let failure: { error: unknown } | undefined;
  // the last started delivery per key; it never rejects (failures land in `failure`)
  const tails = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  const advance = (): void => {
    while (acknowledged < items.length && done[acknowledged] === 1) {
      options.onDone(acknowledged);
      acknowledged += 1;
    }
  };
  for (let index = 0; index < items.length; index += 1) {
    while (running.size >= options.maxInFlight) await Promise.race(running);
    if (failure !== undefined || options.shouldStop?.() === true) break;
    await options.tick?.();
    const item = items[index]!;
    const key = options.keyOf(item);
    const previous = tails.get(key);
    const task: Promise<void> = (async () => {
      if (previous !== undefined) await previous;
      if (failure !== undefined) return;
      await options.deliver(item);
      done[index] = 1;
      advance();
    })().catch((error: unknown) => {
      failure ??= { error };
    });
    tails.set(key, task);
    const tracked: Promise<void> = task.finally(() => running.delete(tracked));
    running.add(tracked);
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure.error;
}
