import { BackoffCounters } from './backoff-counters.js';
import { LoginThrottle, type LoginThrottleOptions, type ThrottleDecision } from './login-throttle.js';
import { throttleSource } from './client-address.js';

const clock = () => {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

/** Rules small enough to walk through: the account ceiling well above the pair's free failures. */
const small = (t: ReturnType<typeof clock>, extra: LoginThrottleOptions = {}): LoginThrottle =>
  new LoginThrottle({
    perSource: { freeFailures: 10, baseDelayMs: 1_000, maxDelayMs: 60_000, forgetAfterMs: 600_000 },
    perAccountAndSource: { freeFailures: 3, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 600_000 },
    perAccount: { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 4_000, forgetAfterMs: 600_000 },
    now: t.now,
    ...extra,
  });

function attempt(throttle: LoginThrottle, username: string, source: string, outcome: 'right' | 'wrong'): ThrottleDecision {
  const decision = throttle.begin(username, source);
  if (decision.allowed) {
    if (outcome === 'right') throttle.succeeded(decision.attempt);
    else throttle.failed(decision.attempt);
  }
  return decision;
}

const refused = (decision: ThrottleDecision) => (decision.allowed ? 0 : decision.retryAfterSeconds);

describe('LoginThrottle', () => {
  it('per (account, address): free failures, then waits that double up to the maximum — never a lock', () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 3; i++) expect(attempt(throttle, 'alice', '10.0.0.1', 'wrong').allowed).toBe(true);
    // 3 failures = the free ones: the next attempt waits 1 s, then 2, 4, 8, 8 (the maximum)
    for (const seconds of [1, 2, 4, 8, 8]) {
      expect(refused(throttle.begin('alice', '10.0.0.1'))).toBe(seconds);
      t.advance(seconds * 1_000 - 1);
      expect(refused(throttle.begin('alice', '10.0.0.1'))).toBe(1);
      t.advance(1);
      expect(attempt(throttle, 'alice', '10.0.0.1', 'wrong').allowed).toBe(true);
    }
    // even the right password waits (the check itself is what is throttled), then works
    expect(refused(throttle.begin('alice', '10.0.0.1'))).toBe(8);
    t.advance(8_000);
    expect(attempt(throttle, 'alice', '10.0.0.1', 'right').allowed).toBe(true);
    // a success forgets the pair's failures (not the address's: 8 of its 10 free ones are spent)
    for (let i = 0; i < 2; i++) expect(attempt(throttle, 'alice', '10.0.0.1', 'wrong').allowed).toBe(true);
    expect(refused(throttle.begin('alice', '10.0.0.1'))).toBe(1);
  });

  it("an attacker's failures at one address do not delay the owner at another", () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 200; i++) {
      attempt(throttle, 'admin', '203.0.113.9', 'wrong');
      t.advance(500);
    }
    expect(throttle.begin('admin', '203.0.113.9').allowed).toBe(false);
    expect(attempt(throttle, 'admin', '198.51.100.7', 'right').allowed).toBe(true);
  });

  it('per address: failures across many usernames delay that address only', () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 10; i++) expect(attempt(throttle, `user-${i}`, '10.0.0.1', 'wrong').allowed).toBe(true);
    expect(refused(throttle.begin('someone-new', '10.0.0.1'))).toBe(1);
    expect(throttle.begin('someone-new', '10.0.0.2').allowed).toBe(true);
  });

  it('a success at an address does not reset its failures for other accounts', () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 10; i++) {
      attempt(throttle, `victim-${i}`, '10.0.0.1', 'wrong');
      attempt(throttle, 'my-own', '10.0.0.1', 'right');
    }
    expect(throttle.begin('victim-11', '10.0.0.1').allowed).toBe(false);
  });

  it('per account: guesses spread over many addresses meet a high ceiling with short waits', () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 20; i++) expect(attempt(throttle, 'bob', `10.1.0.${i}`, 'wrong').allowed).toBe(true);
    // the ceiling (20) is reached: everyone waits, at most the short maximum (4 s)
    expect(refused(throttle.begin('bob', '10.9.9.9'))).toBe(1);
    t.advance(1_000);
    expect(attempt(throttle, 'bob', '10.1.1.1', 'wrong').allowed).toBe(true);
    for (let i = 0; i < 10; i++) {
      const decision = throttle.begin('bob', '10.9.9.9');
      expect(refused(decision)).toBeLessThanOrEqual(4);
      t.advance(4_000);
      expect(attempt(throttle, 'bob', `10.2.0.${i}`, 'wrong').allowed).toBe(true);
    }
    t.advance(4_000);
    expect(attempt(throttle, 'bob', '10.9.9.9', 'right').allowed).toBe(true);
  });

  it('counts attempts in flight: a parallel burst gets no more checks than the free failures', () => {
    const t = clock();
    const throttle = small(t);
    const burst = Array.from({ length: 20 }, () => throttle.begin('carol', '10.0.0.1'));
    const admitted = burst.filter((d) => d.allowed);
    expect(admitted).toHaveLength(3);
    expect(burst.filter((d) => !d.allowed).every((d) => refused(d) === 1)).toBe(true);
    for (const decision of admitted) if (decision.allowed) throttle.failed(decision.attempt);
    expect(refused(throttle.begin('carol', '10.0.0.1'))).toBe(1);
    // beyond the free failures only one attempt at a time
    t.advance(1_000);
    const one = throttle.begin('carol', '10.0.0.1');
    expect(one.allowed).toBe(true);
    expect(throttle.begin('carol', '10.0.0.1').allowed).toBe(false);
    if (one.allowed) throttle.abandoned(one.attempt);
    expect(throttle.begin('carol', '10.0.0.1').allowed).toBe(true);
  });

  it('forgets failures after forgetAfterMs without a failure; refused attempts count nothing', () => {
    const t = clock();
    const throttle = small(t);
    for (let i = 0; i < 3; i++) attempt(throttle, 'dave', '10.0.0.1', 'wrong');
    for (let i = 0; i < 50; i++) expect(throttle.begin('dave', '10.0.0.1').allowed).toBe(false);
    t.advance(1_000);
    expect(throttle.begin('dave', '10.0.0.1').allowed).toBe(true); // the 50 refusals did not grow the wait
    t.advance(600_000);
    expect(throttle.begin('dave', '10.0.0.2').allowed).toBe(true);
    expect(throttle.sizes.pair).toBe(2);
  });

  it('stays bounded under a spray of usernames and addresses, evicting idle keys before delaying ones', () => {
    const t = clock();
    const throttle = small(t, { maxEntries: 50 });
    for (let i = 0; i < 3; i++) attempt(throttle, 'target', '10.0.0.1', 'wrong'); // delaying
    for (let i = 0; i < 5_000; i++) attempt(throttle, `spray-${i}`, `10.3.${i % 250}.${i % 200}`, 'wrong');
    expect(throttle.sizes.source).toBeLessThanOrEqual(50);
    expect(throttle.sizes.pair).toBeLessThanOrEqual(50);
    expect(throttle.sizes.account).toBeLessThanOrEqual(50);
  });
});

describe('BackoffCounters', () => {
  it('doubles the delay from the base up to the maximum', () => {
    const counters = new BackoffCounters({ freeFailures: 2, baseDelayMs: 500, maxDelayMs: 3_000, forgetAfterMs: 10_000 }, 10);
    expect([1, 2, 3, 4, 5, 6, 100].map((f) => counters.delayMs(f))).toEqual([0, 500, 1_000, 2_000, 3_000, 3_000, 3_000]);
  });

  it('evicts idle keys first when full', () => {
    const counters = new BackoffCounters({ freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 1_000, forgetAfterMs: 60_000 }, 2);
    for (let i = 0; i < 2; i++) {
      counters.begin('delaying', 0);
      counters.failed('delaying', 0);
    }
    counters.begin('idle', 0);
    counters.failed('idle', 0); // one failure of two free ones: holds nothing back
    counters.begin('new', 1);
    expect(counters.size).toBe(2);
    expect(counters.waitMs('delaying', 1)).toBe(999);
  });

  it('refuses rules without free failures or with a delay longer than the memory', () => {
    expect(() => new BackoffCounters({ freeFailures: 0, baseDelayMs: 1, maxDelayMs: 1, forgetAfterMs: 1 }, 1)).toThrow(RangeError);
    expect(() => new BackoffCounters({ freeFailures: 1, baseDelayMs: 1, maxDelayMs: 10, forgetAfterMs: 5 }, 1)).toThrow(RangeError);
  });
});

describe('throttleSource', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.2', '127.0.0.2'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
    ['not an address', 'unknown'],
  ])('%s → %s', (address, source) => {
    expect(throttleSource(address)).toBe(source);
  });
});
