// The SIP users of a customer account: each command decided on the customer's stream (so a
// user's CallerID and limit are checked against the account in the same decision) and appended
// with its sip_directory row, whose unique key keeps SIP usernames unique across the system.
import { customerDecider, sipUserRejections, type CustomerCommand, type SipUserSettings } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import type { CustomerRow } from '../queries/rows.js';
import { SipUsersQueries, type SipUserRow } from '../queries/sip-users.queries.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { decideAll } from './decide-all.js';
import { CredentialsGenerator } from './generated-credentials.js';

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

  /** credentials null = the same user was added before (a retry): its password is not shown again. */
  async add(context: CommandContext, customer: CustomerRow, request: NewSipUser): Promise<{ user: SipUserRow; credentials: SipCredentials | null }> {
    const sipUsername = request.sipUsername ?? (await this.defaultUsername(customer));
    const { sipPassword, sipHa1 } = this.generator.newSipSecret(sipUsername);
    const { displayName, callerId, maxConcurrentCalls } = request;
    const appended = await this.decide(context, customer.customerId, { type: 'AddSipUser', sipUsername, sipHa1, displayName, callerId, maxConcurrentCalls });
    return { user: await this.user(customer.customerId, sipUsername), credentials: appended ? { sipUsername, sipPassword, sipRealm: this.generator.sipRealm } : null };
  }

  /** Rename, CallerID, limit, suspend or reactivate; absent fields stay. */
  async change(context: CommandContext, customerId: string, sipUsername: string, changes: Partial<SipUserSettings>): Promise<SipUserRow> {
    await this.decide(context, customerId, { type: 'ChangeSipUser', sipUsername, changes });
    return this.user(customerId, sipUsername);
  }

  async remove(context: CommandContext, customerId: string, sipUsername: string): Promise<void> {
    await this.decide(context, customerId, { type: 'RemoveSipUser', sipUsername });
  }

  /** A new password for one user: its HA1 replaces the old one; the password is answered once. */
  async resetPassword(context: CommandContext, customerId: string, sipUsername: string): Promise<SipCredentials> {
    const { sipPassword, sipHa1 } = this.generator.newSipSecret(sipUsername);
    await this.decide(context, customerId, { type: 'ChangeSipUserPassword', sipUsername, sipHa1 });
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

  private async defaultUsername(customer: CustomerRow): Promise<string> {
    const taken = new Set((await this.users.list(customer.customerId)).map((user) => user.sipUsername));
    let n = 2;
    while (taken.has(`${customer.accountNumber}-${n}`)) n += 1;
    return `${customer.accountNumber}-${n}`;
  }
}
