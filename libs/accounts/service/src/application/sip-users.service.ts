// The SIP users of a customer account: each command decided on the customer's stream (so a
// user's CallerID and limit are checked against the account in the same decision) and appended
// with its sip_directory row, whose unique key keeps SIP usernames unique across the system.
import { customerDecider, customerStreamId, sipUserRejections, type CustomerCommand, type CustomerState, type SipUserSettings } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import type { CustomerRow } from '../queries/rows.js';
import { SipUsersQueries, type SipUserRow } from '../queries/sip-users.queries.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { decideAll } from './decide-all.js';
import { CredentialsGenerator } from './generated-credentials.js';
import { assertSameRequest, idFromKey, type RequestIdempotency } from './request-idempotency.js';

type SipUserCommandOf<T extends CustomerCommand['type']> = Omit<Extract<CustomerCommand, { type: T }>, 'customerId' | 'meta'>;

export interface NewSipUser {
  /** absent: `<account number>-<n>`, the smallest n ≥ 2 the account does not use. */
  sipUsername?: string;
  displayName: string | null;
  callerId: string | null;
  maxConcurrentCalls: number | null;
}

export interface SipCredentials {
  sipUsername: string;
  sipPassword: string;
  sipRealm: string;
}

@Injectable()
export class SipUsersService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(SipUsersQueries) private readonly users: SipUsersQueries,
    @Inject(CredentialsGenerator) private readonly generator: CredentialsGenerator,
  ) {}

  /**
   * credentials null = the same user was added before (a retry): its password is not shown again.
   * With an Idempotency-Key the key names the addition (event metadata `requestKey`): a retry finds
   * the user it added, so a default `<account>-n` is never taken twice for one request.
   */
  async add(
    context: CommandContext,
    customer: CustomerRow,
    request: NewSipUser,
    idempotency: RequestIdempotency,
  ): Promise<{ user: SipUserRow; credentials: SipCredentials | null }> {
    const { customerId } = customer;
    const requestKey = idempotency.key === undefined ? undefined : idFromKey(context.principal, idempotency.key, `sip-user:${customerId}`);
    const { displayName, callerId, maxConcurrentCalls } = request;
    let added: SipCredentials | null = null;
    let replayedUsername: string | undefined;
    const meta = commandMeta(context, this.options.clock());
    const extra: Record<string, string> = requestKey === undefined ? {} : { requestKey, requestHash: idempotency.requestHash };
    await this.committer.commit(async () => {
      added = null;
      // the state first, then the key: an attempt that committed before this load is found by the
      // lookup, one that commits after it makes this append a conflict (re-planned). Looked up
      // before the load, an attempt committing in between was missed and a second user added.
      const loaded = await this.aggregates.customer(customerId);
      replayedUsername = requestKey === undefined ? undefined : await this.addedUnder(customerId, requestKey, idempotency);
      if (replayedUsername !== undefined) return [];
      // named from the state this run decides on: two additions at once never pick the same n
      const sipUsername = request.sipUsername ?? defaultUsername(customer.accountNumber, loaded.state);
      const { sipPassword, sipHa1 } = this.generator.newSipSecret(sipUsername);
      const events = decideAll(customerDecider, loaded.state, [{ type: 'AddSipUser', customerId, sipUsername, sipHa1, displayName, callerId, maxConcurrentCalls, meta }]);
      replayedUsername = events.length === 0 ? sipUsername : undefined;
      if (events.length > 0) added = { sipUsername, sipPassword, sipRealm: this.generator.sipRealm };
      return [{ streamId: loaded.streamId, expectedVersion: loaded.expectedVersion, events }];
    }, eventMetadata(context, extra));
    const credentials = added as SipCredentials | null;
    return { user: await this.user(customerId, credentials?.sipUsername ?? replayedUsername!), credentials };
  }

  /** Rename, CallerID, limit, suspend or reactivate; absent fields stay. */
  async change(context: CommandContext, customerId: string, sipUsername: string, changes: Partial<SipUserSettings>): Promise<SipUserRow> {
    await this.decide(context, customerId, { type: 'ChangeSipUser', sipUsername, changes });
    return this.user(customerId, sipUsername);
  }

  async remove(context: CommandContext, customerId: string, sipUsername: string): Promise<void> {
    await this.decide(context, customerId, { type: 'RemoveSipUser', sipUsername });
  }

  /**
   * A new password for one user: its HA1 replaces the old one; the password is answered once.
   * With an Idempotency-Key the key names the change (event metadata `requestKey`): a retry after a
   * lost answer finds it and answers `sipPassword: null` instead of rotating the password again.
   */
  async resetPassword(
    context: CommandContext,
    customerId: string,
    sipUsername: string,
    idempotency: RequestIdempotency,
  ): Promise<{ sipUsername: string; sipPassword: string | null; sipRealm: string }> {
    const requestKey = idempotency.key === undefined ? undefined : idFromKey(context.principal, idempotency.key, `sip-password:${customerId}`);
    const extra: Record<string, string> = requestKey === undefined ? {} : { requestKey, requestHash: idempotency.requestHash };
    const meta = commandMeta(context, this.options.clock());
    let sipPassword: string | null = null;
    await this.committer.commit(async () => {
      sipPassword = null;
      // the state first, then the key (as in add): an attempt committing in between is never missed
      const customer = await this.aggregates.customer(customerId);
      if (requestKey !== undefined && (await this.passwordChangedUnder(customerId, requestKey, idempotency))) return [];
      const secret = this.generator.newSipSecret(sipUsername);
      const events = decideAll(customerDecider, customer.state, [{ type: 'ChangeSipUserPassword', customerId, sipUsername, sipHa1: secret.sipHa1, meta }]);
      if (events.length > 0) sipPassword = secret.sipPassword;
      return [{ streamId: customer.streamId, expectedVersion: customer.expectedVersion, events }];
    }, eventMetadata(context, extra));
    return { sipUsername, sipPassword, sipRealm: this.generator.sipRealm };
  }

  /** true when the command changed something (false: its effect was already in place). */
  private async decide(
    context: CommandContext,
    customerId: string,
    command: SipUserCommandOf<'AddSipUser'> | SipUserCommandOf<'ChangeSipUser'> | SipUserCommandOf<'RemoveSipUser'> | SipUserCommandOf<'ChangeSipUserPassword'>,
  ): Promise<boolean> {
    const meta = commandMeta(context, this.options.clock());
    const [decision] = await this.committer.commit(async () => {
      const customer = await this.aggregates.customer(customerId);
      const events = decideAll(customerDecider, customer.state, [{ ...command, customerId, meta } as CustomerCommand]);
      return [{ streamId: customer.streamId, expectedVersion: customer.expectedVersion, events }];
    }, eventMetadata(context));
    return (decision?.events.length ?? 0) > 0;
  }

  private async user(customerId: string, sipUsername: string): Promise<SipUserRow> {
    const user = await this.users.get(customerId, sipUsername);
    if (user === undefined) throw sipUserRejections.sipUserNotFound(); // removed in between
    return user;
  }

  /** true when this key changed a password already; the same key with another request is a 422. */
  private async passwordChangedUnder(customerId: string, requestKey: string, idempotency: RequestIdempotency): Promise<boolean> {
    const found = await this.aggregates.eventUnderKey(customerStreamId(customerId), 'SipUserPasswordChanged', requestKey);
    if (found === undefined) return false;
    assertSameRequest(found.metadata['requestHash'], idempotency);
    return true;
  }

  /** The username this key added (undefined: none yet); the same key with another body is a 422. */
  private async addedUnder(customerId: string, requestKey: string, idempotency: RequestIdempotency): Promise<string | undefined> {
    const found = await this.aggregates.eventUnderKey(customerStreamId(customerId), 'SipUserAdded', requestKey);
    if (found === undefined || found.event.type !== 'SipUserAdded') return undefined;
    assertSameRequest(found.metadata['requestHash'], idempotency);
    return found.event.sipUsername;
  }
}

/** `<account number>-<n>`, the smallest n ≥ 2 the account does not use. */
function defaultUsername(accountNumber: string, state: CustomerState): string {
  const taken = new Set(state.status === 'none' ? [] : state.sipUsers.map((user) => user.sipUsername));
  let n = 2;
  while (taken.has(`${accountNumber}-${n}`)) n += 1;
  return `${accountNumber}-${n}`;
}
