import { DEFAULT_RETRY_POLICY, nextAttemptAfter, retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { classifySendFailure, MAX_REASON_LENGTH } from './send-failure.js';
import { fullBucket, returnToken, takeToken, type RateLimit } from './token-bucket.js';

describe('retry policy', () => {
  const policy: RetryPolicy = { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 5_000, multiplier: 2 };

  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((attempt) => retryDelayMs(policy, attempt))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it('stops after maxAttempts', () => {
    expect(nextAttemptAfter(policy, 1, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:01.000Z');
    expect(nextAttemptAfter(policy, 4, '2026-01-01T00:00:00.000Z')).toBe('2026-01-01T00:00:05.000Z');
    expect(nextAttemptAfter(policy, 5, '2026-01-01T00:00:00.000Z')).toBeNull();
  });

  it('by default retries for about two hours', () => {
    let totalMs = 0;
    for (let attempt = 1; attempt < DEFAULT_RETRY_POLICY.maxAttempts; attempt += 1) totalMs += retryDelayMs(DEFAULT_RETRY_POLICY, attempt);
    expect(totalMs).toBe((1 + 2 + 4 + 8 + 16 + 32 + 60) * 60_000);
  });

  it.each<[Partial<RetryPolicy>, string]>([
    [{ maxAttempts: 0 }, 'maxAttempts must be 1..100'],
    [{ maxAttempts: 1.5 }, 'maxAttempts must be 1..100'],
    [{ maxDelayMs: 10 }, 'need 0 <= initialDelayMs <= maxDelayMs'],
    [{ multiplier: 0.5 }, 'multiplier must be 1..10'],
  ])('refuses an unbounded or nonsensical policy %p', (change, message) => {
    expect(() => retryDelayMs({ ...policy, ...change }, 1)).toThrow(message);
  });
});

describe('SMTP failure classes', () => {
  it.each([
    [{ responseCode: 421, message: 'Message failed: 421 Service not available', response: '421 Service not available' }, true, '421 Service not available'],
    [{ responseCode: 421, message: 'Service not available' }, true, '421: Service not available'],
    [{ responseCode: 450, code: 'EENVELOPE', message: 'Mailbox busy' }, true, '450: Mailbox busy'],
    [{ responseCode: 503, code: 'EPROTOCOL', message: 'Bad sequence' }, true, '503: Bad sequence'],
    [{ responseCode: 550, code: 'EENVELOPE', message: 'Recipient command failed: 550 Mailbox unavailable', response: '550 Mailbox unavailable' }, false, '550 Mailbox unavailable'],
    [{ responseCode: 554, message: 'Transaction failed' }, false, '554: Transaction failed'],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1' }, true, 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:1'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, true, 'ETIMEDOUT: Greeting never received'],
    [{ code: 'EAUTH', responseCode: 535, message: 'Invalid login' }, true, '535: Invalid login'],
    [{ code: 'EAUTH', message: 'Invalid login' }, true, 'EAUTH: Invalid login'],
    [{ code: 'EMESSAGE', message: 'cannot build' }, false, 'EMESSAGE: cannot build'],
    [{ message: 'something odd' }, false, 'error: something odd'],
  ])('%p → temporary %p', (error, temporary, reason) => {
    expect(classifySendFailure(error)).toEqual({ temporary, reason });
  });

  it('keeps the reason short and on one line', () => {
    const { reason } = classifySendFailure({ responseCode: 451, message: `line one\r\n${'x'.repeat(1_000)}` });
    expect(reason.length).toBe(MAX_REASON_LENGTH);
    expect(reason).not.toMatch(/[\r\n]/);
  });
});

describe('token bucket', () => {
  const limit: RateLimit = { ratePerSecond: 2, burst: 3 };

  it('lets a burst through, then one token per 1/rate seconds', () => {
    let bucket = fullBucket(limit, 0);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const taken = takeToken(bucket, limit, 0);
      bucket = taken.bucket;
      waits.push(taken.waitMs);
    }
    expect(waits).toEqual([0, 0, 0, 500]);
    expect(takeToken(bucket, limit, 499).waitMs).toBe(2);
    expect(takeToken(bucket, limit, 500).waitMs).toBe(0);
  });

  it('never holds more than the burst', () => {
    const idle = takeToken({ tokens: 0, atMs: 0 }, limit, 3_600_000);
    expect(idle.bucket.tokens).toBe(2);
    expect(returnToken(returnToken(idle.bucket, limit), limit).tokens).toBe(3);
  });
});
