// The event that opened a customer or registered an agent, as the relay publishes it (same id,
// same shape: accountsIntegrationMapper). Consumers that have not consumed it yet ask for it
// (contracts openings-api.ts) and apply it through their own handler and inbox, so a customer
// accounts has answered 201 for is usable in the wallet and rating at once. Accounts projects in
// the append transaction, so its read model already knows every customer a 201 was given for.
import { agentStreamId, customerStreamId } from '@billing/accounts-domain';
import type { AccountsOpeningQueryV1, AccountsOpeningsPort, IntegrationEvent } from '@billing/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { accountsIntegrationMapper } from '../infrastructure/accounts-relay.js';

const OPENING_TYPES: ReadonlySet<string> = new Set(['accounts.CustomerOpened', 'accounts.AgentRegistered']);

@Injectable()
export class AccountsOpenings implements AccountsOpeningsPort {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async opening(query: AccountsOpeningQueryV1): Promise<IntegrationEvent | null> {
    const streamId = await this.streamOf(query);
    if (streamId === undefined) return null;
    const [first] = await this.db.store.readStream(streamId, 0, 1);
    const event = first === undefined ? null : accountsIntegrationMapper(first);
    return event !== null && OPENING_TYPES.has(event.type) ? event : null;
  }

  private async streamOf(query: AccountsOpeningQueryV1): Promise<string | undefined> {
    if ('agentId' in query) return agentStreamId(query.agentId);
    const { rows } =
      'account' in query
        ? await this.db.pool.query<{ customer_id: string }>(`SELECT customer_id FROM ${this.db.schema}.customers WHERE customer_id = $1 OR account_number = $1 LIMIT 1`, [query.account])
        : await this.db.pool.query<{ customer_id: string }>(`SELECT customer_id FROM ${this.db.schema}.sip_directory WHERE sip_username = $1`, [query.sipUsername]);
    return rows[0] === undefined ? undefined : customerStreamId(rows[0].customer_id);
  }
}
