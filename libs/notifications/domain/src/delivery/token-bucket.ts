// Bounded send rate: a token bucket refilled at `ratePerSecond` holding at most `burst` tokens;
// one token per message. Pure: the caller keeps the bucket and passes the time.
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export interface TokenBucket {
  tokens: number;
  atMs: number;
}

export function assertRateLimit(limit: RateLimit): void {
  if (!(limit.ratePerSecond > 0 && limit.ratePerSecond <= 10_000)) throw new Error(`ratePerSecond must be in (0, 10000], got ${limit.ratePerSecond}`);
  if (!Number.isInteger(limit.burst) || limit.burst < 1 || limit.burst > 10_000) throw new Error(`burst must be an integer 1..10000, got ${limit.burst}`);
}

export function fullBucket(limit: RateLimit, nowMs: number): TokenBucket {
  return { tokens: limit.burst, atMs: nowMs };
}

/** Takes a token: `waitMs` 0 = taken now; otherwise nothing taken, ask again after `waitMs`. */
export function takeToken(bucket: TokenBucket, limit: RateLimit, nowMs: number): { bucket: TokenBucket; waitMs: number } {
  const elapsedMs = Math.max(0, nowMs - bucket.atMs);
  const tokens = Math.min(limit.burst, bucket.tokens + (elapsedMs * limit.ratePerSecond) / 1000);
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, atMs: nowMs }, waitMs: 0 };
  return { bucket: { tokens, atMs: nowMs }, waitMs: Math.max(1, Math.ceil(((1 - tokens) * 1000) / limit.ratePerSecond)) };
}

/** Gives back a token that was taken but not used (nothing was due to be sent). */
export function returnToken(bucket: TokenBucket, limit: RateLimit): TokenBucket {
  return { tokens: Math.min(limit.burst, bucket.tokens + 1), atMs: bucket.atMs };
}
