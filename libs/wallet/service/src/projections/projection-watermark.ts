// Read-your-writes for the projections (issue 12 §5): a command that wrote at checkpoint C answers
// only once the ACTIVE projection version has committed C, so every read after the 2xx shows it.
// The active version's checkpoint row is the truth (whichever process projected, across a rebuild's
// switch), read with one small query that all waiting commands share: it runs after every batch a
// runner of this process commits and, while someone waits, every `pollIntervalMs` (batches
// projected by another process). Checkpoints of the active version never go back — a switch
// needs the new version at least as far as the old one —, so the highest one seen is cached.
import { compareCheckpoints, START, type Checkpoint } from '@billing/event-store';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';

interface Waiter {
  readonly checkpoint: Checkpoint;
  readonly resolve: (projected: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

export class ProjectionWatermark {
  private seen: Checkpoint = START;
  private readonly waiters = new Set<Waiter>();
  private reading: Promise<void> | undefined;
  /** a batch committed while the last read was in flight: read once more after it. */
  private again = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: WalletDatabase,
    private readonly options: { pollIntervalMs: number; onError: (error: unknown) => void },
  ) {}

  /** true once the active projection includes `checkpoint`; false when `timeoutMs` passed first. */
  waitFor(checkpoint: Checkpoint, timeoutMs: number): Promise<boolean> {
    if (compareCheckpoints(this.seen, checkpoint) >= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        checkpoint,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.check();
    });
  }

  /** A runner committed a batch: what waits may be projected now. */
  batchCommitted(): void {
    if (this.waiters.size > 0) this.check();
  }

  /** Answers every waiter false (shutdown). */
  close(): void {
    if (this.poll !== undefined) clearTimeout(this.poll);
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(false);
    }
    this.waiters.clear();
  }

  private check(): void {
    if (this.reading !== undefined) {
      this.again = true;
      return;
    }
    this.again = false;
    this.reading = this.read()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.reading = undefined;
        if (this.waiters.size === 0) return;
        if (this.again) return this.check();
        this.poll ??= setTimeout(() => {
          this.poll = undefined;
          if (this.waiters.size > 0) this.check();
        }, this.options.pollIntervalMs);
      });
  }

  private async read(): Promise<void> {
    const { rows } = await this.db.pool.query<{ transaction_id: string; position: string }>(
      `SELECT c.transaction_id::text AS transaction_id, c.position::text AS position
         FROM ${this.db.table('projection_versions')} v JOIN ${this.db.table('checkpoints')} c ON c.name = 'projection:v' || v.version
        WHERE v.state = 'active'`,
    );
    const row = rows[0];
    if (row === undefined) return;
    const active = { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
    if (compareCheckpoints(active, this.seen) > 0) this.seen = active;
    for (const waiter of this.waiters) {
      if (compareCheckpoints(this.seen, waiter.checkpoint) < 0) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(true);
    }
  }
}
