// The projections as a service: started with the module, rebuilt on demand without downtime.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import type { Checkpoint } from '@billing/event-store';
import { ProjectionManager, type ProjectionVersion } from './projection-manager.js';
import { ProjectionWatermark } from './projection-watermark.js';

/** While a command waits for its projection, the active checkpoint is re-read this often (other processes' batches). */
const WATERMARK_POLL_MS = 20;

@Injectable()
export class WalletProjections {
  private readonly logger = new Logger('WalletProjections');
  private readonly manager: ProjectionManager;
  private readonly watermark: ProjectionWatermark;

  constructor(private readonly db: WalletDatabase, @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions) {
    this.watermark = new ProjectionWatermark(db, {
      pollIntervalMs: WATERMARK_POLL_MS,
      onError: (error) => this.logger.warn(`reading the projection checkpoint: ${String(error)}`),
    });
    this.manager = new ProjectionManager(db, {
      pollIntervalMs: options.projectionPollIntervalMs,
      onError: (error, version) => this.logger.error(`projection v${version}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      onBatch: () => this.watermark.batchCommitted(),
    });
  }

  start(): Promise<void> {
    return this.manager.start();
  }

  async stop(): Promise<void> {
    this.watermark.close();
    await this.manager.stop();
  }

  /**
   * Resolves true once the views include everything up to `written` (a command's own append), false
   * after `timeoutMs` (the projection is stuck or far behind: the caller answers anyway).
   */
  waitUntilProjected(written: Checkpoint, timeoutMs: number): Promise<boolean> {
    return this.watermark.waitFor(written, timeoutMs);
  }

  /**
   * waitUntilProjected for everything committed so far: for a command that found its work already done
   * by another writer (a call's charge its integration event brought a moment earlier) — that writer's
   * commit is in the store, but its checkpoint is not the caller's to know.
   */
  async waitUntilHeadProjected(timeoutMs: number): Promise<boolean> {
    const startedMs = performance.now();
    // the head read waits (up to 2 s) for older open transactions to settle: it shares the caller's bound
    let timer: NodeJS.Timeout | undefined;
    const head = await Promise.race([
      // a failed read is a wait that did not succeed: the caller answers anyway and logs it, as on a timeout
      this.db.store.headCheckpoint().catch(() => undefined),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const leftMs = timeoutMs - (performance.now() - startedMs);
    if (head === undefined || leftMs <= 0) return false;
    return this.watermark.waitFor(head, leftMs);
  }

  /** Starts a rebuild into a new version beside the live one; returns the new version. */
  rebuild(): Promise<number> {
    return this.manager.rebuild();
  }

  rebuildAndWait(timeoutMs?: number): Promise<number> {
    return this.manager.rebuildAndWait(timeoutMs);
  }

  /** Resolves once the projections include every event committed before the call. */
  waitForCatchUp(timeoutMs?: number): Promise<void> {
    return this.manager.waitForCatchUp(timeoutMs);
  }

  /** waitForCatchUp() as an answer: false when it timed out. */
  async caughtUp(timeoutMs: number): Promise<boolean> {
    try {
      await this.manager.waitForCatchUp(timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  versions(): Promise<ProjectionVersion[]> {
    return this.manager.versions();
  }
}
