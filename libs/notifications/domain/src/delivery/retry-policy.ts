// When a temporarily failed e-mail is tried again: exponential backoff, capped, with a bounded
// number of attempts. No jitter: failures of different notifications happen at different times
// already, and a deterministic schedule is one a test and an operator can predict.
export interface RetryPolicy {
  /** attempts in total, the first included (≥ 1). */
  maxAttempts: number;
  /** wait after the first failure. */
  initialDelayMs: number;
  /** no wait is longer than this. */
  maxDelayMs: number;
  /** growth per failure (≥ 1). */
  multiplier: number;
}

/** 1 min, 2, 4, 8, 16, 32, 60 → 8 attempts over about two hours, then given up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 8, initialDelayMs: 60_000, maxDelayMs: 3_600_000, multiplier: 2 });

export const MAX_ATTEMPTS_LIMIT = 100;

export function assertRetryPolicy(policy: RetryPolicy): void {
  const { maxAttempts, initialDelayMs, maxDelayMs, multiplier } = policy;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
    throw new Error(`retry policy: maxAttempts must be 1..${MAX_ATTEMPTS_LIMIT}, got ${maxAttempts}`);
  }
  if (!Number.isInteger(initialDelayMs) || initialDelayMs < 0 || !Number.isInteger(maxDelayMs) || maxDelayMs < initialDelayMs) {
    throw new Error(`retry policy: need 0 <= initialDelayMs <= maxDelayMs (integers), got ${initialDelayMs} and ${maxDelayMs}`);
  }
  if (!(multiplier >= 1 && multiplier <= 10)) throw new Error(`retry policy: multiplier must be 1..10, got ${multiplier}`);
}

/** Wait after failed attempt number `attempt` (1 = the first). */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  assertRetryPolicy(policy);
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, got ${attempt}`);
  // The exponent is capped so the product stays finite before the cap applies.
  const exponent = Math.min(attempt - 1, 60);
  return Math.min(Math.round(policy.initialDelayMs * policy.multiplier ** exponent), policy.maxDelayMs);
}

/** When to try again after failed attempt `attempt` at `nowIso`; null = attempts used up. */
export function nextAttemptAfter(policy: RetryPolicy, attempt: number, nowIso: string): string | null {
  if (attempt >= policy.maxAttempts) return null;
  const nowMs = Date.parse(nowIso);
  if (Number.isNaN(nowMs)) throw new Error(`not an instant: "${nowIso}"`);
  return new Date(nowMs + retryDelayMs(policy, attempt)).toISOString();
}
