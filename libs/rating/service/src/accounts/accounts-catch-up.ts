// Issue 12 §6: a customer, SIP user or agent that accounts has accepted (201) can be authorized and
// rated at once, even before the accounts consumer has delivered its events. On a directory miss
// rating takes that customer's or agent's integration events from accounts (the port: in process
// AccountsHistory, between processes RemoteAccountsHistory) — the opening and every later change,
// so a SIP user added a moment ago is known too — and applies them through the consumer's own
// handler and inbox: @billing/messaging's ConsumerCatchUp.
// Issue 13: a change to a customer rating already knows (features, a trunk address, a SIP user
// suspended, the customer closed…) is no miss, so accounts asks before it answers the command
// (AccountsCatchUpPort): the same fill, run until the command's events are in the inbox.
import { MAX_CATCH_UP_WITHIN_MS, type AccountsCatchUpPort, type AccountsHistoryKeyV1, type AccountsHistoryPort, type IntegrationEvent } from '@billing/contracts';
import { isServiceUnreachable } from '@billing/gateway';
import { ConsumerCatchUp } from '@billing/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { ACCOUNTS_HISTORY, RATING_OPTIONS, type ResolvedRatingOptions } from '../rating.options.js';
import { ACCOUNTS_EVENTS_USED, AccountsConsumer } from './accounts-consumer.js';
import { CustomerDirectory, type DirectoryMisses } from './directory.js';

/**
 * Fills one command's catch-up may run: a fill already running when the command committed may have
 * read the history before its events (concurrent callers share a fill), the next one starts after.
 */
const MAX_FILLS = 2;

/** Customers or agents filled at the same time (a batch opening names up to 1000). */
const CONCURRENT_FILLS = 8;

@Injectable()
export class RatingAccountsCatchUp implements DirectoryMisses, AccountsCatchUpPort {
  private readonly fills: ConsumerCatchUp<AccountsHistoryKeyV1, void>;
  private readonly group: string;
  private readonly canFill: boolean;

  constructor(
    @Inject(AccountsConsumer) consumer: AccountsConsumer,
    @Inject(CustomerDirectory) directory: CustomerDirectory,
    @Inject(ACCOUNTS_HISTORY) accounts: AccountsHistoryPort | null,
    @Inject(RATING_OPTIONS) options: ResolvedRatingOptions,
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
  ) {
    const logger = new Logger('RatingAccountsCatchUp');
    this.group = options.consumerGroup;
    this.canFill = accounts !== null;
    this.fills = new ConsumerCatchUp({
      group: options.consumerGroup,
      history: async (key) => this.unapplied(await accounts!.history(key)),
      handle: (event, context) => consumer.handleEvent(event, context),
      unreachable: isServiceUnreachable,
      warn: (message) => logger.warn(message),
    });
    if (accounts !== null) directory.fillMissesWith(this);
  }

  /** true = accounts knows the customer and its events are applied: read again. */
  async customer(key: { account: string } | { sipUsername: string }): Promise<boolean> {
    return (await this.fills.fill(key)) !== null;
  }

  async agent(agentId: string): Promise<boolean> {
    return (await this.fills.fill({ agentId })) !== null;
  }

  /**
   * true once every event of the request's streams that rating uses is applied (in the consumer's
   * inbox: one query for all of them); the streams still behind are filled from accounts' history,
   * CONCURRENT_FILLS at a time. false when accounts could not be reached (or rating runs without its
   * history): the consumer applies them when they are delivered.
   */
  async catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    const awaited = request.streams.map((stream) => ({ key: stream.key, events: stream.events.filter((event) => ACCOUNTS_EVENTS_USED.has(event.type)) }));
    // accounts stops waiting after `withinMs`: no lookup or stream to fill is started after it (its delivery applies the rest)
    const withinMs = request.withinMs ?? MAX_CATCH_UP_WITHIN_MS;
    const started = Date.now();
    const left = () => withinMs - (Date.now() - started);
    const until = AbortSignal.timeout(withinMs);
    for (let filled = 0; ; filled += 1) {
      if (left() < 1) return false;
      const applied = await this.inInbox(awaited.flatMap((stream) => stream.events), left());
      const behind = awaited.filter((stream) => stream.events.some((event) => !applied.has(event.eventId)));
      if (behind.length === 0) return true;
      if (!this.canFill || filled === MAX_FILLS) return false;
      if ((await this.fills.fillEach(behind.map((stream) => stream.key), CONCURRENT_FILLS, until)).includes(null)) return false;
    }
  }

  /**
   * The history without what the consumer applied already (one query), so a fill costs what is
   * new rather than the customer's whole history (runOnce would skip those, one transaction each).
   * `[]` stays `[]`, the source's "unknown"; a history all applied keeps its last event (a no-op
   * through runOnce) so the fill still says "known".
   */
  private async unapplied(history: readonly IntegrationEvent[]): Promise<readonly IntegrationEvent[]> {
    if (history.length === 0) return history;
    const applied = await this.inInbox(history, MAX_CATCH_UP_WITHIN_MS);
    const rest = history.filter((event) => !applied.has(event.eventId));
    return rest.length > 0 ? rest : history.slice(-1);
  }

  /** Which of `events` the consumer's inbox holds: the store's one lookup, bounded by `withinMs`. */
  private inInbox(events: readonly { eventId: string }[], withinMs: number): Promise<Set<string>> {
    return this.db.store.heldInbox(this.group, [...new Set(events.map((event) => event.eventId))], { withinMs });
  }

}
