// Expires holds nobody settled (a CDR that never came): every interval, the customers whose open
// holds are past expiry (from the open_holds projection) get an ExpireHolds decided on their real
// state. A late CDR is still charged afterwards (ChargeCall without a hold).
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WalletQueries } from '../queries/wallet-queries.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { Clock } from './clock.js';
import { WalletCalls } from './wallet-calls.service.js';

/** Customers per sweep; the next sweep takes the rest. */
const SWEEP_CUSTOMERS = 500;

@Injectable()
export class HoldSweeper {
  private readonly logger = new Logger('WalletHoldSweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly queries: WalletQueries,
    private readonly calls: WalletCalls,
    private readonly clock: Clock,
    @Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions,
  ) {}

  start(): void {
    if (this.options.holdSweepIntervalMs === 0) return;
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.error(`hold sweep failed: ${String(error)}`)), this.options.holdSweepIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep; returns how many holds expired. Overlapping calls share the running sweep. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    const customers = await this.queries.customersWithExpiredHolds(this.clock.now(), SWEEP_CUSTOMERS);
    const results = await Promise.all(customers.map((customerId) => this.calls.expireHolds(customerId)));
    return results.reduce((total, result) => total + result.expired, 0);
  }
}
