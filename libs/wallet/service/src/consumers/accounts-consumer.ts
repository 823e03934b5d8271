// Consumes `accounts.events.v1` (docs/ARCHITECTURE.md, Messaging): each integration event becomes ledger commands and
// directory rows (accounts-plan.ts), committed in one transaction with the inbox entry, so a
// redelivery changes nothing. A command the ledger refuses (e.g. an initial balance the agent
// cannot cover) is recorded in refused_commands and the message is done; a failure (the agent not
// known yet, an outage) is thrown, retried with backoff and dead-lettered after the last attempt.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAccountsEventTypeV1, parseAccountsEventV1, topicFor, type IntegrationEvent } from '@billing/contracts';
import type { Checkpoint } from '@billing/event-store';
import type { ConsumeContext, ConsumerHandle } from '@billing/messaging';
import type pg from 'pg';
import { LedgerService } from '../application/ledger.service.js';
import { Directory } from '../infrastructure/directory.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { planAccountsEvent, WALLET_ACCOUNTS_EVENTS_USED, type DirectoryChange } from './accounts-plan.js';

@Injectable()
export class AccountsConsumer {
  private readonly logger = new Logger('WalletAccountsConsumer');
  private handle: ConsumerHandle | undefined;

  constructor(
    private readonly db: WalletDatabase,
    private readonly ledger: LedgerService,
    private readonly directory: Directory,
    @Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions,
  ) {}

  async start(): Promise<void> {
    this.handle = await this.options.bus.consume({
      group: this.options.consumerGroup,
      topics: [topicFor(this.options.accountsService)],
      handler: async (event, context) => void (await this.handleEvent(event, context)),
      store: this.db.store,
      checkpoints: this.db.store.checkpoints,
    });
  }

  async stop(): Promise<void> {
    await this.handle?.stop();
    this.handle = undefined;
  }

  status() {
    return this.handle?.status();
  }

  /** Returns where its events were written (undefined: nothing written, e.g. a redelivery). */
  async handleEvent(event: IntegrationEvent, context: ConsumeContext): Promise<Checkpoint | undefined> {
    // another version or an event the wallet has no use for: nothing to do, nothing to record —
    // and not parsed, so one that drifted from its schema is no failure here (never dead-lettered)
    if (event.schemaVersion !== 1 || !isAccountsEventTypeV1(event.type) || !WALLET_ACCOUNTS_EVENTS_USED.has(event.type)) return undefined;
    const parsed = parseAccountsEventV1(event.type, event.data);
    const agentRate =
      parsed.type === 'accounts.CustomerOpened' && parsed.data.agentId !== null ? await this.directory.commissionRateAt(parsed.data.agentId, parsed.data.occurredAt) : undefined;
    const plan = planAccountsEvent(parsed, agentRate);
    if (plan.commands.length === 0 && plan.directory.length === 0) return undefined;
    const actor = 'actor' in parsed.data ? parsed.data.actor : 'system';
    const outcome = await this.ledger.submit({
      commands: plan.commands,
      key: event.eventId,
      metadata: { actor, correlationId: event.correlationId ?? event.eventId, causationId: event.eventId },
      inbox: { consumer: context.consumer, messageId: context.messageId },
      inTransaction: (client) => this.applyDirectory(client, plan.directory, event.eventId),
      source: `${event.type}:${event.eventId}`,
    });
    if (outcome.kind !== 'committed') return undefined;
    for (const refused of outcome.outcomes) {
      if (refused.kind === 'rejected') this.logger.warn(`${event.type} ${event.eventId}: ${refused.command.type} refused: ${refused.error.message}`);
    }
    return outcome.written;
  }

  private async applyDirectory(client: pg.ClientBase, changes: readonly DirectoryChange[], eventId: string): Promise<void> {
    for (const change of changes) {
      switch (change.kind) {
        case 'commission-rate':
          await this.directory.recordCommissionRate(client, { agentId: change.agentId, effectiveAt: change.effectiveAt, microPercent: change.microPercent, sourceEventId: eventId });
          break;
        case 'customer':
          await this.directory.recordCustomer(client, change);
          break;
        case 'customer-status':
          await this.directory.recordCustomerStatus(client, change.customerId, change.status);
          break;
      }
    }
  }
}
