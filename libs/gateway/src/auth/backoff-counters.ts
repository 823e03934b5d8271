// Failure counters with exponential back-off, one per key (a source address, a username, a pair),
// in a bounded map. A key's first `freeFailures` failures cost nothing; after that each attempt
// must wait `baseDelayMs × 2^(failures − freeFailures)` (at most `maxDelayMs`) after the last
// failure, one attempt at a time. Attempts in flight count as failures until they end, so a burst
// of parallel guesses gets no more tries than a sequence. A key is forgotten `forgetAfterMs` after
// its last failure. Pure: the clock is passed in.

export interface BackoffRule {
  /** failures that cost no delay. */
  freeFailures: number;
  /** the wait after the first failure beyond the free ones; it doubles with each further one. */
  baseDelayMs: number;
  /** the longest wait (never a lock: one attempt is admitted every maxDelayMs at worst). */
  maxDelayMs: number;
  /** a key with no failure for this long starts over. */
  forgetAfterMs: number;
}

interface Entry {
  failures: number;
  inFlight: number;
  lastFailureMs: number;
}

/** How far eviction looks for an idle entry before evicting the least recently used one anyway. */
const EVICTION_SCAN = 64;
/** The Retry-After when only attempts in flight stand in the way: they end within a scrypt check. */
const IN_FLIGHT_RETRY_MS = 1_000;

export class BackoffCounters {
  /** insertion order = least recently touched first. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly rule: BackoffRule,
    private readonly maxEntries: number,
  ) {
    if (rule.freeFailures < 1 || maxEntries < 1 || rule.baseDelayMs < 1 || rule.maxDelayMs < rule.baseDelayMs || rule.forgetAfterMs < rule.maxDelayMs) {
      throw new RangeError('BackoffRule: freeFailures, baseDelayMs and maxEntries >= 1, baseDelayMs <= maxDelayMs <= forgetAfterMs');
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** 0 when an attempt for `key` may start now, else how many ms to wait. */
  waitMs(key: string, nowMs: number): number {
    const entry = this.current(key, nowMs);
    if (entry === undefined) return 0;
    const { freeFailures } = this.rule;
    if (entry.failures + entry.inFlight < freeFailures) return 0;
    // beyond the free ones: one attempt at a time, after the back-off since the last failure
    if (entry.failures < freeFailures) return IN_FLIGHT_RETRY_MS;
    const readyAtMs = entry.lastFailureMs + this.delayMs(entry.failures);
    if (readyAtMs > nowMs) return readyAtMs - nowMs;
    return entry.inFlight > 0 ? IN_FLIGHT_RETRY_MS : 0;
  }

  /** The back-off after `failures` failures (0 while they are free). */
  delayMs(failures: number): number {
    const beyond = failures - this.rule.freeFailures;
    if (beyond < 0) return 0;
    return Math.min(this.rule.maxDelayMs, this.rule.baseDelayMs * 2 ** Math.min(beyond, 40));
  }

  /** An attempt starts (call only after waitMs answered 0). */
  begin(key: string, nowMs: number): void {
    const entry = this.current(key, nowMs) ?? { failures: 0, inFlight: 0, lastFailureMs: nowMs };
    entry.inFlight += 1;
    this.touch(key, entry, nowMs);
  }

  /** The attempt ended with a wrong password (or a disabled login). */
  failed(key: string, nowMs: number): void {
    const entry = this.entries.get(key) ?? { failures: 0, inFlight: 1, lastFailureMs: nowMs };
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    this.touch(key, entry, nowMs);
  }

  /** The attempt ended without a failure; `forgive` also forgets the key's failures. */
  ended(key: string, forgive: boolean): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (forgive) entry.failures = 0;
    if (entry.failures === 0 && entry.inFlight === 0) this.entries.delete(key);
  }

  /** The key's entry, or undefined when it has none or its failures are forgotten. */
  private current(key: string, nowMs: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.inFlight === 0 && nowMs - entry.lastFailureMs >= this.rule.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    if (nowMs - entry.lastFailureMs >= this.rule.forgetAfterMs) entry.failures = 0;
    return entry;
  }

  private touch(key: string, entry: Entry, nowMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.evictOne(key, nowMs);
  }

  /**
   * Evicts an entry that holds nothing back (forgotten, or free of delay with nothing in flight)
   * among the least recently used; failing that, the least recently used one other than `keep`.
   */
  private evictOne(keep: string, nowMs: number): void {
    let scanned = 0;
    let oldest: string | undefined;
    for (const [key, entry] of this.entries) {
      if (key === keep) continue;
      oldest ??= key;
      const idle = entry.inFlight === 0 && (nowMs - entry.lastFailureMs >= this.rule.forgetAfterMs || entry.failures < this.rule.freeFailures);
      if (idle) {
        this.entries.delete(key);
        return;
      }
      if (++scanned >= EVICTION_SCAN) break;
    }
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
