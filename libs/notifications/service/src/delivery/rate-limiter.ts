// The token bucket (domain) with a clock and waits: one token per message sent by this instance.
import { fullBucket, returnToken, takeToken, type RateLimit, type TokenBucket } from '@billing/notifications-domain';
import { sleep } from '../shared/sleep.js';

export class RateLimiter {
  private bucket: TokenBucket;

  constructor(
    private readonly limit: RateLimit,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.bucket = fullBucket(limit, nowMs());
  }

  /** Resolves once a token is taken; rejects (StoppedError) when `signal` fires first. */
  async take(signal: AbortSignal): Promise<void> {
    for (;;) {
      const taken = takeToken(this.bucket, this.limit, this.nowMs());
      this.bucket = taken.bucket;
      if (taken.waitMs === 0) return;
      await sleep(taken.waitMs, signal);
    }
  }

  giveBack(): void {
    this.bucket = returnToken(this.bucket, this.limit);
  }
}
