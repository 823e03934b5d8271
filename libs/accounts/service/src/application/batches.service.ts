// ITC opens 10..1000 customers from one profile in one go: the batch and all its customers are
// one atomic append, so a refused batch leaves nothing behind. Credentials are answered once.
import {
  batchDecider,
  batchStreamId,
  customerCommandsOfBatch,
  customerDecider,
  customerStreamId,
  MAX_BATCH_CUSTOMERS,
  MIN_BATCH_CUSTOMERS,
  rejections,
  type BatchCustomer,
} from '@billing/accounts-domain';
import { invariant } from '@billing/decider';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import type { StreamDecision } from '../infrastructure/committer.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import { SipUsersQueries } from '../queries/sip-users.queries.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { CustomerTermsResolver } from './customer-terms.js';
import { CredentialsGenerator, type NewCustomerCredentials } from './generated-credentials.js';
import { PortalLogins } from './portal-logins.js';
import { assertSameRequest, idFromKey, type RequestIdempotency } from './request-idempotency.js';
import { addFurtherSipUsers, generateFurtherSipUsers, type FurtherSipUser } from './further-sip-users.js';
import { decideAll } from './decide-all.js';

export interface OpenBatchInput {
  profileId: string;
  agentId: string | null;
  count: number;
  idempotency: RequestIdempotency;
}

export interface BatchCustomerCredentials {
  customerId: string;
  accountNumber: string;
  sipUsername: string;
  portalUsername: string;
  /** null when this answers a repeated Idempotency-Key. */
  sipPassword: string | null;
  portalPassword: string | null;
  /** the further SIP users the profile gives each account, with passwords; a replay names the account's further users, passwords null. */
  furtherSipUsers?: { sipUsername: string; sipPassword: string | null }[];
}

export interface OpenedBatch {
  batchId: string;
  profileId: string;
  agentId: string | null;
  sipRealm: string;
  /** false when this answers a repeated Idempotency-Key: the passwords were shown the first time. */
  credentialsIncluded: boolean;
  customers: BatchCustomerCredentials[];
}

@Injectable()
export class BatchesService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
    @Inject(CustomerTermsResolver) private readonly terms: CustomerTermsResolver,
    @Inject(CredentialsGenerator) private readonly generator: CredentialsGenerator,
    @Inject(PortalLogins) private readonly logins: PortalLogins,
    @Inject(SipUsersQueries) private readonly sipUsers: SipUsersQueries,
  ) {}

  async open(context: CommandContext, input: OpenBatchInput): Promise<OpenedBatch> {
    // the bounds before anything is generated: a count of a million is refused, not attempted
    if (!Number.isInteger(input.count)) throw rejections.invalidBatchCount();
    if (input.count < MIN_BATCH_CUSTOMERS) throw rejections.batchTooSmall();
    if (input.count > MAX_BATCH_CUSTOMERS) throw rejections.batchTooLarge();
    const { key, requestHash } = input.idempotency;
    const batchId = key === undefined ? randomUUID() : idFromKey(context.principal, key, 'batch');
    let generated: (NewCustomerCredentials & { customerId: string; further: FurtherSipUser[] })[] | undefined;
    let existed = false;
    await this.committer.commit(async (): Promise<StreamDecision[]> => {
      const batch = await this.aggregates.batch(batchId);
      existed = batch.state.status !== 'none';
      if (existed) return [];
      const terms = await this.terms.resolve(context.principal, input.profileId, input.agentId);
      const profile = (await this.aggregates.profile(input.profileId)).state;
      generated ??= (await this.generator.generate(input.count)).map((credentials) => ({
        customerId: randomUUID(),
        ...credentials,
        further: generateFurtherSipUsers(this.generator, credentials.accountNumber, profile),
      }));
      const furtherOf = new Map(generated.map((c) => [c.customerId, c.further]));
      const customers: BatchCustomer[] = generated.map(({ customerId, accountNumber, sipUsername, sipHa1, portalUsername }) => ({
        customerId,
        accountNumber,
        sipUsername,
        sipHa1,
        portalUsername,
      }));
      const batchEvents = batchDecider.decide(
        {
          type: 'OpenCustomerBatch',
          batchId,
          count: input.count,
          profileId: input.profileId,
          agentId: input.agentId,
          // ITC opens batches: their initial balances are ITC's deposits, not the agent's money.
          initialBalanceSource: 'operator',
          customers,
          ...terms,
          meta: commandMeta(context, this.options.clock()),
        },
        batch.state,
      );
      const [opened] = batchEvents;
      invariant(opened !== undefined, `batch ${batchId} decided nothing on a new stream`);
      // the customers are opened from the event, exactly as a crashed batch would be completed
      const customerDecisions = customerCommandsOfBatch(opened).map((command) => ({
        streamId: customerStreamId(command.customerId),
        expectedVersion: 'no_stream' as const,
        events: decideAll(customerDecider, customerDecider.initialState(), [command, ...addFurtherSipUsers(command.customerId, furtherOf.get(command.customerId) ?? [], command.meta)]),
      }));
      return [{ streamId: batch.streamId, expectedVersion: batch.expectedVersion, events: batchEvents }, ...customerDecisions];
    }, eventMetadata(context, { requestHash }));

    if (existed || generated === undefined) return this.replay(batchId, input);
    const created = generated;
    await this.logins.createGenerated(
      created.map((c) => ({ username: c.portalUsername, password: c.portalPassword, role: 'customer' as const, subjectId: c.customerId })),
    );
    return {
      batchId,
      profileId: input.profileId,
      agentId: input.agentId,
      sipRealm: this.generator.sipRealm,
      credentialsIncluded: true,
      customers: created.map(({ customerId, accountNumber, sipUsername, sipPassword, portalUsername, portalPassword, further }) => ({
        customerId,
        accountNumber,
        sipUsername,
        portalUsername,
        sipPassword,
        portalPassword,
        furtherSipUsers: further.map((user) => ({ sipUsername: user.sipUsername, sipPassword: user.sipPassword })),
      })),
    };
  }

  /**
   * The same request again: the batch as opened, without the passwords — each account's further
   * SIP users named as the first answer named them (as they are now: one removed since is gone).
   */
  private async replay(batchId: string, input: OpenBatchInput): Promise<OpenedBatch> {
    const opening = await this.aggregates.openingMetadata(batchStreamId(batchId));
    assertSameRequest(opening?.requestHash, input.idempotency);
    const page = await this.customers.list({ batchId }, MAX_BATCH_CUSTOMERS, undefined);
    const further = await this.sipUsers.furtherOf(page.items.map((c) => c.customerId));
    return {
      batchId,
      profileId: input.profileId,
      agentId: input.agentId,
      sipRealm: this.generator.sipRealm,
      credentialsIncluded: false,
      customers: page.items.map((c) => ({
        customerId: c.customerId,
        accountNumber: c.accountNumber,
        sipUsername: c.sipUsername,
        portalUsername: c.portalUsername,
        sipPassword: null,
        portalPassword: null,
        furtherSipUsers: (further.get(c.customerId) ?? []).map((sipUsername) => ({ sipUsername, sipPassword: null })),
      })),
    };
  }
}
