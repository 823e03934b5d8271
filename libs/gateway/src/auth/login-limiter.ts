// Brute-force brake for POST /auth/login: after `maxFailures` wrong passwords for one username
// within `windowMs`, that username is locked for `lockoutMs` (429 + Retry-After), even with the
// right password. In memory and bounded: at most `maxEntries` usernames are tracked; when full,
// the oldest entry whose lock has expired is evicted first. Per process: with N gateway replicas
// an attacker gets N × maxFailures attempts per window — still bounded.

export interface LoginLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  lockoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  windowStartMs: number;
  lockedUntilMs: number;
}

export type LimiterDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How far eviction looks for an unlocked entry before evicting the oldest one anyway. */
const EVICTION_SCAN = 64;

export class LoginLimiter {
  readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly lockoutMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** insertion order = least recently failed first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: LoginLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.lockoutMs = options.lockoutMs ?? 15 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
    if (this.maxFailures < 1 || this.maxEntries < 1) throw new RangeError('maxFailures and maxEntries must be >= 1');
  }

  check(username: string): LimiterDecision {
    const entry = this.entries.get(username);
    const now = this.now();
    if (entry === undefined || entry.lockedUntilMs <= now) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((entry.lockedUntilMs - now) / 1000)) };
  }

  recordFailure(username: string): void {
    const now = this.now();
    let entry = this.entries.get(username);
    if (entry === undefined || (now - entry.windowStartMs > this.windowMs && entry.lockedUntilMs <= now)) {
      entry = { failures: 0, windowStartMs: now, lockedUntilMs: 0 };
    }
    entry.failures += 1;
    if (entry.failures >= this.maxFailures) {
      entry.lockedUntilMs = now + this.lockoutMs;
      entry.failures = 0;
      entry.windowStartMs = now;
    }
    this.entries.delete(username);
    this.entries.set(username, entry);
    if (this.entries.size > this.maxEntries) this.evictOne(now);
  }

  recordSuccess(username: string): void {
    this.entries.delete(username);
  }

  get size(): number {
    return this.entries.size;
  }

  private evictOne(now: number): void {
    let scanned = 0;
    let oldest: string | undefined;
    for (const [key, entry] of this.entries) {
      oldest ??= key;
      if (entry.lockedUntilMs <= now) {
        this.entries.delete(key);
        return;
      }
      if (++scanned >= EVICTION_SCAN) break;
    }
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
