// Bounded exponential backoff shared by the relay and the consumers: every retry loop in this lib
// waits between attempts, never longer than maxDelayMs, and can be interrupted by stop().

export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ initialDelayMs: 100, maxDelayMs: 5_000, multiplier: 2 });

/** Delay before retry number `attempt` (1 = first retry); jitter is ±20 % so replicas spread out. */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  assertPolicy(policy);
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, got ${attempt}`);
  // Exponent capped so the intermediate value never overflows to Infinity.
  const exponent = Math.min(attempt - 1, 30);
  const base = Math.min(policy.initialDelayMs * policy.multiplier ** exponent, policy.maxDelayMs);
  const jitter = 0.8 + 0.4 * random();
  return Math.min(Math.round(base * jitter), policy.maxDelayMs);
}

export function assertPolicy(policy: BackoffPolicy): void {
  if (!(policy.initialDelayMs >= 0 && policy.maxDelayMs >= policy.initialDelayMs && policy.multiplier >= 1)) {
    throw new Error(`invalid backoff policy ${JSON.stringify(policy)}`);
  }
}

export class AbortedError extends Error {
  constructor() {
    super('stopped');
    this.name = 'AbortedError';
  }
}

/**
 * Waits `delayMs`, calling `tick` every `tickEveryMs` (the Kafka consumer heartbeats there so a
 * long backoff does not cost it its partitions). Rejects with AbortedError as soon as `signal` fires.
 */
export async function pause(
  delayMs: number,
  options: { signal: AbortSignal; tick?: () => Promise<void>; tickEveryMs?: number },
): Promise<void> {
  const slice = Math.max(1, options.tickEveryMs ?? delayMs);
  let remaining = Math.max(0, delayMs);
  while (remaining > 0) {
    const step = Math.min(slice, remaining);
    await sleep(step, options.signal);
    remaining -= step;
    if (remaining > 0 && options.tick) await options.tick();
  }
  if (options.signal.aborted) throw new AbortedError();
}

export function sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
