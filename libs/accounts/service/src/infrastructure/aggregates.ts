// Loading the accounts aggregates (state + version) for a plan to decide on.
import {
  agentDecider,
  agentStreamId,
  batchDecider,
  batchStreamId,
  customerDecider,
  customerProfileDecider,
  customerProfileStreamId,
  customerStreamId,
  type AccountsEvent,
  type AgentState,
  type BatchState,
  type CustomerProfileState,
  type CustomerState,
} from '@billing/accounts-domain';
import type { Decider } from '@billing/decider';
import { AggregateRepository, type EventMetadata, type ExpectedVersion } from '@billing/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from './accounts-database.js';
import { accountsEventCodec } from './event-codec.js';

export interface Loaded<State> {
  streamId: string;
  state: State;
  /** what the append must still find (the version loaded, or no_stream). */
  expectedVersion: ExpectedVersion;
}

@Injectable()
export class AccountsAggregates {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  agent(agentId: string): Promise<Loaded<AgentState>> {
    return this.load(agentStreamId(agentId), agentDecider);
  }

  profile(profileId: string): Promise<Loaded<CustomerProfileState>> {
    return this.load(customerProfileStreamId(profileId), customerProfileDecider);
  }

  customer(customerId: string): Promise<Loaded<CustomerState>> {
    return this.load(customerStreamId(customerId), customerDecider);
  }

  batch(batchId: string): Promise<Loaded<BatchState>> {
    return this.load(batchStreamId(batchId), batchDecider);
  }

  /** Metadata of a stream's first event (who opened it, with which request), or undefined. */
  async openingMetadata(streamId: string): Promise<EventMetadata | undefined> {
    const [first] = await this.db.store.readStream(streamId, 0, 1);
    return first?.metadata;
  }

  /** The first event of `type` appended under `requestKey` (its metadata), if any: what an Idempotency-Key already did. */
  async eventUnderKey(streamId: string, type: AccountsEvent['type'], requestKey: string): Promise<{ event: AccountsEvent; metadata: EventMetadata } | undefined> {
    const PAGE = 1000;
    for (let from = 0; ; from += PAGE) {
      const recorded = await this.db.store.readStream(streamId, from, PAGE);
      const found = recorded.find((r) => r.type === type && r.metadata['requestKey'] === requestKey);
      if (found !== undefined) return { event: accountsEventCodec.fromStored(found), metadata: found.metadata };
      if (recorded.length < PAGE) return undefined;
    }
  }

  /** The stream's events decoded, from `fromVersion`, at most `maxCount`. */
  async events(streamId: string, fromVersion: number, maxCount: number): Promise<{ version: number; event: AccountsEvent }[]> {
    const recorded = await this.db.store.readStream(streamId, fromVersion, maxCount);
    return recorded.map((r) => ({ version: r.streamVersion, event: accountsEventCodec.fromStored(r) }));
  }

  private async load<C, S>(streamId: string, decider: Decider<C, AccountsEvent, S>): Promise<Loaded<S>> {
    // maxRetries 0: the repository only loads here; the committer owns appends and retries.
    const repository = new AggregateRepository(this.db.store, decider, { maxRetries: 0, eventCodec: accountsEventCodec });
    const { state, version } = await repository.load(streamId);
    return { streamId, state, expectedVersion: version === -1 ? 'no_stream' : version };
  }
}
