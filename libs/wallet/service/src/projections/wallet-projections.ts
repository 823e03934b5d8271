// The projections as a service: started with the module, rebuilt on demand without downtime.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { ProjectionManager, type ProjectionVersion } from './projection-manager.js';

@Injectable()
export class WalletProjections {
  private readonly logger = new Logger('WalletProjections');
  private readonly manager: ProjectionManager;

  constructor(db: WalletDatabase, @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions) {
    this.manager = new ProjectionManager(db, {
      pollIntervalMs: options.projectionPollIntervalMs,
      onError: (error, version) => this.logger.error(`projection v${version}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
  }

  start(): Promise<void> {
    return this.manager.start();
  }

  stop(): Promise<void> {
    return this.manager.stop();
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

  versions(): Promise<ProjectionVersion[]> {
    return this.manager.versions();
  }
}
