// Issue 12 §6: a customer, SIP user or agent that accounts has accepted (201) can be authorized and
// rated at once, even before the accounts consumer has delivered its events. On a directory miss
// rating takes that customer's or agent's integration events from accounts (the port: in process
// AccountsHistory, between processes RemoteAccountsHistory) — the opening and every later change,
// so a SIP user added a moment ago is known too — and applies them through the consumer's own
// handler and inbox: @billing/messaging's ConsumerCatchUp.
import { type AccountsHistoryKeyV1, type AccountsHistoryPort } from '@billing/contracts';
import { isServiceUnreachable } from '@billing/gateway';
import { ConsumerCatchUp } from '@billing/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCOUNTS_HISTORY, RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { AccountsConsumer } from './accounts-consumer.js';
import { CustomerDirectory, type DirectoryMisses } from './directory.js';

@Injectable()
export class RatingAccountsCatchUp implements DirectoryMisses {
  private readonly catchUp: ConsumerCatchUp<AccountsHistoryKeyV1, void>;

  constructor(
    @Inject(AccountsConsumer) consumer: AccountsConsumer,
    @Inject(CustomerDirectory) directory: CustomerDirectory,
    @Inject(ACCOUNTS_HISTORY) accounts: AccountsHistoryPort | null,
    @Inject(RATING_OPTIONS) options: ResolvedRatingOptions,
  ) {
    const logger = new Logger('RatingAccountsCatchUp');
    this.catchUp = new ConsumerCatchUp({
      group: options.consumerGroup,
      history: (key) => accounts!.history(key),
      handle: (event, context) => consumer.handleEvent(event, context),
      unreachable: isServiceUnreachable,
      warn: (message) => logger.warn(message),
    });
    if (accounts !== null) directory.fillMissesWith(this);
  }

  /** true = accounts knows the customer and its events are applied: read again. */
  async customer(key: { account: string } | { sipUsername: string }): Promise<boolean> {
    return (await this.catchUp.fill(key)) !== null;
  }

  async agent(agentId: string): Promise<boolean> {
    return (await this.catchUp.fill({ agentId })) !== null;
  }
}
