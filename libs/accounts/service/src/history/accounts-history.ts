// A customer's or agent's integration events as the relay publishes them (same ids, same shape:
// accountsIntegrationMapper), oldest first: the opening, then every later change of that stream
// (SIP users, CallerIDs, features, status…). Consumers that have not consumed them yet ask for them
// (contracts history-api.ts) and apply them through their own handler and inbox, so a customer or
// SIP user accounts has answered 201 for is usable in the wallet and rating at once. Accounts
// projects in the append transaction, so its read model already knows every key a 201 was given for.
import { agentStreamId, customerStreamId } from '@billing/accounts-domain';
import {
  ACCOUNTS_HISTORY_PAGE_SIZE,
  type AccountsHistoryKeyV1,
  type AccountsHistoryPort,
  type AccountsHistoryQueryV1,
  type AccountsHistoryResponseV1,
  type IntegrationEvent,
} from '@billing/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { accountsIntegrationMapper } from '../infrastructure/accounts-relay.js';

@Injectable()
export class AccountsHistory implements AccountsHistoryPort {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async history(key: AccountsHistoryKeyV1): Promise<readonly IntegrationEvent[]> {
    const streamId = await this.streamOf(key);
    if (streamId === undefined) return [];
    const events: IntegrationEvent[] = [];
    for (let from: number | null = 0; from !== null; ) {
      const page = await this.read(streamId, from);
      events.push(...page.events);
      from = page.next;
    }
    return events;
  }

  /** One page of the route: `from` a stream version, at most ACCOUNTS_HISTORY_PAGE_SIZE stream events. */
  async page(query: AccountsHistoryQueryV1): Promise<AccountsHistoryResponseV1> {
    const { from, ...key } = query;
    const streamId = await this.streamOf(key as AccountsHistoryKeyV1);
    return streamId === undefined ? { events: [], next: null } : this.read(streamId, from ?? 0);
  }

  private async read(streamId: string, from: number): Promise<AccountsHistoryResponseV1> {
    const recorded = await this.db.store.readStream(streamId, from, ACCOUNTS_HISTORY_PAGE_SIZE);
    // events that stay internal (profile events, SIP password changes) map to null: never published
    const events = recorded.map(accountsIntegrationMapper).filter((event): event is IntegrationEvent => event !== null);
    return { events, next: recorded.length === ACCOUNTS_HISTORY_PAGE_SIZE ? recorded.at(-1)!.streamVersion + 1 : null };
  }

  private async streamOf(key: AccountsHistoryKeyV1): Promise<string | undefined> {
    if ('agentId' in key) return agentStreamId(key.agentId);
    const { rows } =
      'account' in key
        ? await this.db.pool.query<{ customer_id: string }>(`SELECT customer_id FROM ${this.db.schema}.customers WHERE customer_id = $1 OR account_number = $1 LIMIT 1`, [key.account])
        : await this.db.pool.query<{ customer_id: string }>(`SELECT customer_id FROM ${this.db.schema}.sip_directory WHERE sip_username = $1`, [key.sipUsername]);
    return rows[0] === undefined ? undefined : customerStreamId(rows[0].customer_id);
  }
}
