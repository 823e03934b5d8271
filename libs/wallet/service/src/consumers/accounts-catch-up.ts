// Issue 12 §6: a customer or agent that accounts has accepted (201) is usable in the wallet at
// once, even before the accounts consumer has delivered its events. On a directory miss the
// wallet takes that customer's or agent's integration events from accounts (the port: in process
// AccountsHistory, between processes RemoteAccountsHistory) and applies them through the
// consumer's own handler and inbox — @billing/messaging's ConsumerCatchUp — then waits for its
// projections to show what that wrote (a request's answer reads them next).
import { type AccountsHistoryKeyV1, type AccountsHistoryPort } from '@billing/contracts';
import type { Checkpoint } from '@billing/event-store';
import { isServiceUnreachable } from '@billing/gateway';
import { ConsumerCatchUp } from '@billing/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Directory, type DirectoryMisses } from '../infrastructure/directory.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { ACCOUNTS_HISTORY, WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { AccountsConsumer } from './accounts-consumer.js';

/** The catch-up's own wait for the projections (its caller's answer waits for its own command anyway). */
const PROJECTED_WITHIN_MS = 2_000;

@Injectable()
export class AccountsCatchUp implements DirectoryMisses {
  private readonly catchUp: ConsumerCatchUp<AccountsHistoryKeyV1, Checkpoint | undefined> | null;

  constructor(
    consumer: AccountsConsumer,
    private readonly projections: WalletProjections,
    directory: Directory,
    @Inject(ACCOUNTS_HISTORY) accounts: AccountsHistoryPort | null,
    @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions,
  ) {
    const logger = new Logger('WalletAccountsCatchUp');
    this.catchUp =
      accounts === null
        ? null
        : new ConsumerCatchUp({
            group: options.consumerGroup,
            history: (key) => accounts.history(key),
            handle: (event, context) => consumer.handleEvent(event, context),
            unreachable: isServiceUnreachable,
            warn: (message) => logger.warn(message),
          });
    if (this.catchUp !== null) directory.fillMissesWith(this);
  }

  /** true = accounts knows the customer and its events are applied: read again. */
  customer(customerId: string): Promise<boolean> {
    return this.fill({ account: customerId });
  }

  agent(agentId: string): Promise<boolean> {
    return this.fill({ agentId });
  }

  private async fill(key: AccountsHistoryKeyV1): Promise<boolean> {
    const outcome = (await this.catchUp?.fill(key)) ?? null;
    if (outcome === null) return false;
    const written = outcome.results.filter((checkpoint): checkpoint is Checkpoint => checkpoint !== undefined).at(-1);
    // nothing written: the consumer applied them in between; wait for the projections to pass what is committed
    if (written !== undefined) await this.projections.waitUntilProjected(written, PROJECTED_WITHIN_MS);
    else await this.projections.caughtUp(PROJECTED_WITHIN_MS);
    return true;
  }
}
