// Issue 12 §6: a customer or agent that accounts has accepted (201) is usable in the wallet at
// once, even before the accounts consumer has delivered its opening event. On a directory miss
// the wallet asks accounts for that opening event (the port: in process AccountsOpenings, between
// processes GET /api/v1/internal/accounts/openings, bounded) and hands it to the consumer's own
// handler with the inbox entry the consumer would use (group, event id): the later delivery is a
// duplicate and changes nothing. Only the first event of a customer or agent is ever applied this
// way, so no later event of that aggregate can have been consumed before it.
import { type AccountsOpeningQueryV1, type AccountsOpeningsPort, type IntegrationEvent } from '@billing/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Directory, type DirectoryMisses } from '../infrastructure/directory.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { ACCOUNTS_OPENINGS, WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { AccountsConsumer } from './accounts-consumer.js';

/** The catch-up's own wait for the projections (its caller's answer waits for its own command anyway). */
const PROJECTED_WITHIN_MS = 2_000;

@Injectable()
export class AccountsCatchUp implements DirectoryMisses {
  private readonly logger = new Logger('WalletAccountsCatchUp');
  /** one fetch-and-apply per key at a time: concurrent misses of one customer share it. */
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly consumer: AccountsConsumer,
    private readonly projections: WalletProjections,
    directory: Directory,
    @Inject(ACCOUNTS_OPENINGS) private readonly openings: AccountsOpeningsPort | null,
    @Inject(WALLET_OPTIONS) private readonly options: ResolvedWalletOptions,
  ) {
    if (openings !== null) directory.fillMissesWith(this);
  }

  customer(customerId: string): Promise<boolean> {
    return this.once(`customer:${customerId}`, { account: customerId }, 'accounts.CustomerOpened');
  }

  agent(agentId: string): Promise<boolean> {
    return this.once(`agent:${agentId}`, { agentId }, 'accounts.AgentRegistered');
  }

  private once(key: string, query: AccountsOpeningQueryV1, type: string): Promise<boolean> {
    let running = this.inFlight.get(key);
    if (running === undefined) {
      running = this.fill(query, type).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }

  private async fill(query: AccountsOpeningQueryV1, type: string): Promise<boolean> {
    let opening: IntegrationEvent | null;
    try {
      opening = (await this.openings?.opening(query)) ?? null;
    } catch (error) {
      // accounts cannot be reached: the request answers as it would have (404, never stored under its key)
      this.logger.warn(`asking accounts for ${JSON.stringify(query)} failed: ${String(error)}`);
      return false;
    }
    if (opening === null || opening.type !== type) return false;
    const written = await this.consumer.handleEvent(opening, { consumer: this.options.consumerGroup, messageId: opening.eventId, attempt: 1 });
    // written undefined: the consumer applied it in between; wait for the projections to pass what is committed
    if (written !== undefined) await this.projections.waitUntilProjected(written, PROJECTED_WITHIN_MS);
    else await this.projections.caughtUp(PROJECTED_WITHIN_MS);
    return true;
  }
}
