// Issue 12 §6: a customer or agent that accounts has accepted (201) can be authorized and rated at
// once, even before the accounts consumer has delivered its opening event. On a directory miss
// rating asks accounts for that opening event (the port: in process AccountsOpenings, between
// processes GET /api/v1/internal/accounts/openings, bounded) and hands it to the consumer's own
// handler with the inbox entry the consumer would use (group, event id): the later delivery is a
// duplicate. Only the first event of a customer or agent is applied this way, so no later event
// of it can have been consumed before.
import { type AccountsOpeningQueryV1, type AccountsOpeningsPort } from '@billing/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCOUNTS_OPENINGS, RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { AccountsConsumer } from './accounts-consumer.js';
import { CustomerDirectory, type DirectoryMisses } from './directory.js';

@Injectable()
export class RatingAccountsCatchUp implements DirectoryMisses {
  private readonly logger = new Logger('RatingAccountsCatchUp');
  /** one fetch-and-apply per key at a time: concurrent misses of one customer share it. */
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    @Inject(AccountsConsumer) private readonly consumer: AccountsConsumer,
    @Inject(CustomerDirectory) directory: CustomerDirectory,
    @Inject(ACCOUNTS_OPENINGS) private readonly openings: AccountsOpeningsPort | null,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
  ) {
    if (openings !== null) directory.fillMissesWith(this);
  }

  customer(key: { account: string } | { sipUsername: string }): Promise<boolean> {
    return this.once(JSON.stringify(key), key, 'accounts.CustomerOpened');
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
    try {
      const opening = await this.openings!.opening(query);
      if (opening === null || opening.type !== type) return false;
      await this.consumer.handleEvent(opening, { consumer: this.options.consumerGroup, messageId: opening.eventId, attempt: 1 });
      return true;
    } catch (error) {
      // accounts cannot be reached: the call is judged as it would have been (unknown_account)
      this.logger.warn(`filling ${JSON.stringify(query)} from accounts failed: ${String(error)}`);
      return false;
    }
  }
}
