// Brute-force brake for password checks (POST /auth/login, POST /auth/password): growing delays,
// never a lock of the account. Three back-off counters, each with its own rule:
//   - per source address (every username tried from it): stops one address guessing across accounts;
//   - per (username, source) pair: stops one address guessing one account — and only that address;
//   - per username from every address: a much higher ceiling with short delays, against guesses
//     spread over many addresses. The owner may have to wait at most its maxDelayMs (30 s).
// So an attacker at one address cannot lock the owner out: its failures delay its own address and
// its own pair, and stay far below the account's ceiling. A refused attempt (429) checks no
// password and counts nothing. A success forgets its pair's failures, never the address's or the
// account's (a valid login of one's own must not reset the budget for guessing others').
// In memory, bounded (maxEntries per counter) and per process: N gateway replicas admit N times
// the attempts — still bounded. Pure: the clock is injected.
import { BackoffCounters, type BackoffRule } from './backoff-counters.js';

export interface LoginThrottleOptions {
  perSource?: Partial<BackoffRule>;
  perAccountAndSource?: Partial<BackoffRule>;
  perAccount?: Partial<BackoffRule>;
  /** keys kept per counter (default 10 000); the least recently used idle ones are evicted first. */
  maxEntries?: number;
  now?: () => number;
}

const HOUR_MS = 3_600_000;

export const DEFAULT_LOGIN_THROTTLE: Readonly<Record<'perSource' | 'perAccountAndSource' | 'perAccount', BackoffRule>> = Object.freeze({
  // an office behind one NAT address may mistype 20 times in an hour before anyone waits
  perSource: { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: HOUR_MS },
  perAccountAndSource: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, forgetAfterMs: HOUR_MS },
  // a ceiling spread attacks reach, not one address: short delays, so the owner waits seconds at most
  perAccount: { freeFailures: 100, baseDelayMs: 1_000, maxDelayMs: 30_000, forgetAfterMs: HOUR_MS },
});

export const DEFAULT_MAX_THROTTLE_ENTRIES = 10_000;

/** A password check admitted by the throttle; end it exactly once (succeeded or failed). */
export interface ThrottledAttempt {
  readonly username: string;
  readonly source: string;
}

export type ThrottleDecision = { allowed: true; attempt: ThrottledAttempt } | { allowed: false; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly bySource: BackoffCounters;
  private readonly byPair: BackoffCounters;
  private readonly byAccount: BackoffCounters;
  private readonly now: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_THROTTLE_ENTRIES;
    this.bySource = new BackoffCounters({ ...DEFAULT_LOGIN_THROTTLE.perSource, ...options.perSource }, maxEntries);
    this.byPair = new BackoffCounters({ ...DEFAULT_LOGIN_THROTTLE.perAccountAndSource, ...options.perAccountAndSource }, maxEntries);
    this.byAccount = new BackoffCounters({ ...DEFAULT_LOGIN_THROTTLE.perAccount, ...options.perAccount }, maxEntries);
    this.now = options.now ?? Date.now;
  }

  /** Admits a password check of `username` from `source` (reserving it), or says how long to wait. */
  begin(username: string, source: string): ThrottleDecision {
    const now = this.now();
    const pair = pairKey(username, source);
    const waitMs = Math.max(this.bySource.waitMs(source, now), this.byPair.waitMs(pair, now), this.byAccount.waitMs(username, now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    this.bySource.begin(source, now);
    this.byPair.begin(pair, now);
    this.byAccount.begin(username, now);
    return { allowed: true, attempt: { username, source } };
  }

  /** The password was right: the pair starts over; the address and the account keep their failures. */
  succeeded(attempt: ThrottledAttempt): void {
    this.bySource.ended(attempt.source, false);
    this.byPair.ended(pairKey(attempt.username, attempt.source), true);
    this.byAccount.ended(attempt.username, false);
  }

  /** The password was wrong (or the login is disabled): every counter counts it. */
  failed(attempt: ThrottledAttempt): void {
    const now = this.now();
    this.bySource.failed(attempt.source, now);
    this.byPair.failed(pairKey(attempt.username, attempt.source), now);
    this.byAccount.failed(attempt.username, now);
  }

  /** The check could not be made (e.g. the database failed): nothing is counted. */
  abandoned(attempt: ThrottledAttempt): void {
    this.bySource.ended(attempt.source, false);
    this.byPair.ended(pairKey(attempt.username, attempt.source), false);
    this.byAccount.ended(attempt.username, false);
  }

  /** Keys held per counter (for tests and health). */
  get sizes(): { source: number; pair: number; account: number } {
    return { source: this.bySource.size, pair: this.byPair.size, account: this.byAccount.size };
  }
}

/** NUL cannot occur in a username or an address. */
function pairKey(username: string, source: string): string {
  return `${username}\u0000${source}`;
}
