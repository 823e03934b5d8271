// Publishes the accounts integration events (docs/ARCHITECTURE.md, Messaging): the event store is the outbox, the bus's
// relay reads it from its checkpoint and produces `<service>.events.v1`. Profile events and SIP
// password changes stay internal (toIntegrationEvent answers null for them).
import { toIntegrationEvent } from '@billing/accounts-domain';
import { integrationEventFrom, type IntegrationEventMapper } from '@billing/contracts';
import { HealthService } from '@billing/gateway';
import type { RecordedEvent } from '@billing/event-store';
import type { RelayHandle } from '@billing/messaging';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsDatabase } from './accounts-database.js';
import { accountsEventCodec } from './event-codec.js';

export const accountsIntegrationMapper: IntegrationEventMapper<RecordedEvent> = (recorded) => {
  const shape = toIntegrationEvent(accountsEventCodec.fromStored(recorded));
  return shape === null ? null : integrationEventFrom(recorded, shape);
};

@Injectable()
export class AccountsRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private relay: RelayHandle | undefined;

  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsDatabase) private readonly db: AccountsDatabase,
    @Inject(HealthService) private readonly health: HealthService,
  ) {}

  /** After every module is initialised, so the app serves before the first batch is produced. */
  async onApplicationBootstrap(): Promise<void> {
    this.relay = await this.options.bus.startRelay({
      service: this.options.service,
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
      mapper: accountsIntegrationMapper,
    });
    const relay = this.relay;
    this.health.register(`${this.options.service}-relay`, async () => {
      const status = relay.status();
      return { status: status.lastError === undefined ? 'up' : 'down', topic: status.topic, published: status.published, lastError: status.lastError };
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }

  /** What the relay has published so far (tests, health). */
  status() {
    return this.relay?.status();
  }
}
