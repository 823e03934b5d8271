// The wake-up for subscribers in every process, sent after an append has committed instead of
// inside its transaction. A transaction that queued a NOTIFY takes a cluster-wide lock at commit
// and holds it until its commit record is flushed: every notifying commit of the cluster (other
// services' included) then commits one at a time, without group commit. Here the append commits
// without NOTIFY, and a separate one-statement transaction notifies with synchronous_commit off:
// it has nothing to make durable, so it holds that lock only briefly.
//
// The store wakes its own process's subscriptions directly (WakeHub.wake); this is for the others.
// Coalesced: at most one NOTIFY in flight and at most one per MIN_INTERVAL_MS; requests meanwhile
// only mark one as pending, sent as soon as allowed. The first wake-up after a quiet spell goes at
// once. A wake-up lost to an error is covered by the subscriptions' polling.
import type pg from 'pg';
import type { SchemaNames } from './schema-names.js';
import { COMMIT_WITHOUT_FLUSH } from './commit-without-flush.js';

/**
 * Bounds the NOTIFY rate of one store to 100/s under sustained appending (each costs a pool round
 * trip and a small transaction); also the most a wake-up waits behind the previous one.
 */
export const NOTIFY_MIN_INTERVAL_MS = 10;

export class CommitNotifier {
  private pending = false;
  private running = false;
  private drained: Promise<void> = Promise.resolve();
  private lastSentAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: pg.Pool,
    private readonly names: SchemaNames,
  ) {}

  /** After a commit that wrote events. Never waits and never throws. */
  request(): void {
    this.pending = true;
    if (this.running) return;
    this.running = true;
    this.drained = this.drain();
  }

  /** Resolves when no NOTIFY is pending or in flight (close() waits for it before the pool may end). */
  flushed(): Promise<void> {
    return this.drained;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const waitMs = this.lastSentAtMs + NOTIFY_MIN_INTERVAL_MS - performance.now();
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        // Cleared before sending: a commit after this point gets a NOTIFY sent after it.
        this.pending = false;
        this.lastSentAtMs = performance.now();
        await this.send();
      }
    } finally {
      this.running = false;
    }
  }

  private async send(): Promise<void> {
    try {
      // a wake-up has nothing to make durable
      await this.pool.query({
        name: this.names.statements.notify,
        text: `SELECT ${COMMIT_WITHOUT_FLUSH}, pg_notify($1, '')`,
        values: [this.names.channel],
      });
    } catch {
      // Deliberately dropped: subscriptions poll, so a lost wake-up only delays delivery.
    }
  }
}
