// Starts and stops the wallet's background work in a fixed order: projections first (the sweeper
// reads them), then the relay, the accounts consumer and the hold sweeper; on shutdown the reverse,
// then the ledger drains its queued commands and the event store closes. The pool is the caller's.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HealthService } from '@billing/gateway';
import type { RelayHandle } from '@billing/messaging';
import { HoldSweeper } from './application/hold-sweeper.js';
import { LedgerService } from './application/ledger.service.js';
import { AccountsConsumer } from './consumers/accounts-consumer.js';
import { WalletDatabase } from './infrastructure/wallet-database.js';
import { WalletProjections } from './projections/wallet-projections.js';
import { walletIntegrationEvent } from './relay/wallet-integration-mapper.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from './wallet.options.js';

@Injectable()
export class WalletLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Wallet');
  private relay: RelayHandle | undefined;

  constructor(
    private readonly db: WalletDatabase,
    private readonly ledger: LedgerService,
    private readonly projections: WalletProjections,
    private readonly consumer: AccountsConsumer,
    private readonly sweeper: HoldSweeper,
    private readonly health: HealthService,
    @Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
    if (!this.options.background) return;
    this.relay = await this.options.bus.startRelay({
      service: this.options.service,
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
      mapper: walletIntegrationEvent,
    });
    await this.consumer.start();
    this.sweeper.start();
    this.health.register(`wallet`, async () => {
      const relay = this.relay?.status();
      const consumer = this.consumer.status();
      const lastError = relay?.lastError ?? consumer?.lastError;
      return { status: 'up', relayPublished: relay?.published ?? 0, consumed: consumer?.handled ?? 0, deadLettered: consumer?.deadLettered ?? 0, ...(lastError ? { lastError } : {}) };
    });
    this.logger.log(`wallet started (schema ${this.db.schema}, topic ${this.options.service}.events.v1, consuming ${this.options.accountsService}.events.v1)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
    await this.consumer.stop();
    await this.relay?.stop();
    await this.ledger.close();
    await this.projections.stop();
    await this.db.store.close();
  }
}
