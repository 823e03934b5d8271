// Issue 12 §6: a customer or agent that accounts has accepted (201) is usable in the wallet at
// once, even before the accounts consumer has delivered its events. On a directory miss the
// wallet takes that customer's or agent's integration events from accounts (the port: in process
// AccountsHistory, between processes RemoteAccountsHistory) and applies them through the
// consumer's own handler and inbox — @billing/messaging's ConsumerCatchUp — then waits for its
// projections to show what that wrote (a request's answer reads them next).
// Issue 13: accounts also asks before it answers a command (AccountsCatchUpPort, openings included:
// a balance list reads only the accounts the wallet has opened, it fills no miss): the same fill,
// run until the command's events are in the inbox, then the projections show them.
import { MAX_CATCH_UP_WITHIN_MS, type AccountsCatchUpPort, type AccountsHistoryKeyV1, type AccountsHistoryPort } from '@billing/contracts';
import type { Checkpoint } from '@billing/event-store';
import { isServiceUnreachable } from '@billing/gateway';
import { ConsumerCatchUp } from '@billing/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Directory, type DirectoryMisses } from '../infrastructure/directory.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { ACCOUNTS_HISTORY, WALLET_OPTIONS, type ResolvedWalletOptions } from '../wallet.options.js';
import { AccountsConsumer } from './accounts-consumer.js';
import { WALLET_ACCOUNTS_EVENTS_USED } from './accounts-plan.js';

/** The catch-up's own wait for the projections (its caller's answer waits for its own command anyway). */
const PROJECTED_WITHIN_MS = 2_000;

/**
 * Fills one command's catch-up may run: a fill already running when the command committed may have
 * read the history before its events (concurrent callers share a fill), the next one starts after.
 */
const MAX_FILLS = 2;

/**
 * Customers or agents filled at the same time (a batch opening names up to 1000): the ledger commits
 * concurrent units together (command-lanes.ts), so more fills at once share transactions — 1000
 * openings over HTTP took 7.5 s 8 at a time, 5.7 s 32 at a time.
 */
const CONCURRENT_FILLS = 32;

@Injectable()
export class AccountsCatchUp implements DirectoryMisses, AccountsCatchUpPort {
  /** A new customer's balance is read from the accounts the wallet opened: accounts awaits openings too. */
  readonly awaitsOpenings = true;
  private readonly fills: ConsumerCatchUp<AccountsHistoryKeyV1, Checkpoint | undefined> | null;
  private readonly group: string;

  constructor(
    consumer: AccountsConsumer,
    private readonly projections: WalletProjections,
    directory: Directory,
    @Inject(ACCOUNTS_HISTORY) accounts: AccountsHistoryPort | null,
    @Inject(WALLET_OPTIONS) options: ResolvedWalletOptions,
    private readonly db: WalletDatabase,
  ) {
    const logger = new Logger('WalletAccountsCatchUp');
    this.group = options.consumerGroup;
    this.fills =
      accounts === null
        ? null
        : new ConsumerCatchUp({
            group: options.consumerGroup,
            history: (key) => accounts.history(key),
            handle: (event, context) => consumer.handleEvent(event, context),
            unreachable: isServiceUnreachable,
            warn: (message) => logger.warn(message),
          });
    if (this.fills !== null) directory.fillMissesWith(this);
  }

  /** true = accounts knows the customer and its events are applied: read again. */
  customer(customerId: string): Promise<boolean> {
    return this.fill({ account: customerId });
  }

  agent(agentId: string): Promise<boolean> {
    return this.fill({ agentId });
  }

  /**
   * true once every event of the request's streams the wallet uses is applied (in the consumer's
   * inbox: one query for all of them) and its projections show it; the streams still behind are
   * filled from accounts' history, CONCURRENT_FILLS at a time, and the projections awaited once
   * after. false when accounts could not be reached (or the wallet runs without its history): the
   * consumer applies them when they are delivered.
   */
  async catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    const awaited = request.streams.map((stream) => ({ key: stream.key, events: stream.events.filter((event) => WALLET_ACCOUNTS_EVENTS_USED.has(event.type)) }));
    if (awaited.every((stream) => stream.events.length === 0)) return true;
    // accounts stops waiting after `withinMs`: no lookup or stream to fill is started after it (its delivery applies the rest)
    const withinMs = request.withinMs ?? MAX_CATCH_UP_WITHIN_MS;
    const started = Date.now();
    const left = () => withinMs - (Date.now() - started);
    const until = AbortSignal.timeout(withinMs);
    for (let filled = 0; ; filled += 1) {
      if (left() < 1) return false;
      const applied = await this.inInbox(awaited.flatMap((stream) => stream.events), left());
      const behind = awaited.filter((stream) => stream.events.some((event) => !applied.has(event.eventId)));
      if (behind.length === 0) return this.projections.caughtUp(Math.max(1, Math.min(PROJECTED_WITHIN_MS, left())));
      if (this.fills === null || filled === MAX_FILLS) return false;
      if ((await this.fills.fillEach(behind.map((stream) => stream.key), CONCURRENT_FILLS, until)).includes(null)) return false;
    }
  }

  /** Which of `events` the consumer's inbox holds: the store's one lookup, bounded by `withinMs`. */
  private inInbox(events: readonly { eventId: string }[], withinMs: number): Promise<Set<string>> {
    return this.db.store.heldInbox(this.group, [...new Set(events.map((event) => event.eventId))], { withinMs });
  }


  private async fill(key: AccountsHistoryKeyV1): Promise<boolean> {
    const outcome = (await this.fills?.fill(key)) ?? null;
    if (outcome === null) return false;
    const written = outcome.results.filter((checkpoint): checkpoint is Checkpoint => checkpoint !== undefined).at(-1);
    // nothing written: the consumer applied them in between; wait for the projections to pass what is committed
    if (written !== undefined) await this.projections.waitUntilProjected(written, PROJECTED_WITHIN_MS);
    else await this.projections.caughtUp(PROJECTED_WITHIN_MS);
    return true;
  }
}
