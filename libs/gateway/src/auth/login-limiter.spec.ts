import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('locks a username after maxFailures within the window, for lockoutMs', () => {
    const t = clock();
    const limiter = new LoginLimiter({ maxFailures: 3, windowMs: 60_000, lockoutMs: 30_000, now: t.now });
    limiter.recordFailure('alice');
    limiter.recordFailure('alice');
    expect(limiter.check('alice')).toEqual({ allowed: true });
    limiter.recordFailure('alice');
    expect(limiter.check('alice')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.check('bob')).toEqual({ allowed: true });
    t.advance(29_500);
    expect(limiter.check('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    t.advance(500);
    expect(limiter.check('alice')).toEqual({ allowed: true });
  });

  it('forgets failures older than the window, and all of them after a success', () => {
    const t = clock();
    const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 10_000, now: t.now });
    limiter.recordFailure('alice');
    t.advance(10_001);
    limiter.recordFailure('alice');
    expect(limiter.check('alice').allowed).toBe(true);
    limiter.recordSuccess('alice');
    limiter.recordFailure('alice');
    expect(limiter.check('alice').allowed).toBe(true);
  });

  it('stays bounded, evicting unlocked entries before locked ones', () => {
    const t = clock();
    const limiter = new LoginLimiter({ maxFailures: 1, lockoutMs: 60_000, maxEntries: 3, now: t.now });
    limiter.recordFailure('locked'); // locked at once (maxFailures 1)
    t.advance(61_000); // its lock expired: evictable
    limiter.recordFailure('a');
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    expect(limiter.size).toBe(3);
    expect(limiter.check('a').allowed).toBe(false);
    expect(limiter.check('b').allowed).toBe(false);
    expect(limiter.check('c').allowed).toBe(false);
    for (let i = 0; i < 100; i++) limiter.recordFailure(`spray-${i}`);
    expect(limiter.size).toBe(3);
  });
});
