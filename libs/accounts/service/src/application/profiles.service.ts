// Customer profiles: ITC's (for everyone) and each agent's own templates for opening customers.
import { customerProfileDecider, rejections, type CustomerFeatures, type CustomerProfileCommand, type ProfileTerms } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { ProfilesQueries } from '../queries/profiles.queries.js';
import type { ProfileRow } from '../queries/rows.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { BillingPolicy } from './billing-policy.js';
import { RateSheetCheck } from './rate-sheet-check.js';

export interface CreateProfileInput extends ProfileTerms {
  profileId: string;
  /** null = an ITC profile. */
  ownerAgentId: string | null;
  name: string;
}

@Injectable()
export class ProfilesService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(ProfilesQueries) private readonly profiles: ProfilesQueries,
    @Inject(RateSheetCheck) private readonly sheets: RateSheetCheck,
    @Inject(BillingPolicy) private readonly policy: BillingPolicy,
  ) {}

  async create(context: CommandContext, input: CreateProfileInput): Promise<ProfileRow> {
    if (input.ownerAgentId !== null) {
      // a profile for an agent that does not exist could never be used
      const owner = await this.aggregates.agent(input.ownerAgentId);
      if (owner.state.status === 'unregistered') throw rejections.agentNotFound();
    }
    await this.sheets.assertExists(input.rateSheetId, context.principal);
    // an agent's own profile: only a sheet and a credit limit it may give its customers
    if (input.ownerAgentId !== null) await this.policy.check(context.principal, input.ownerAgentId, input);
    return this.decide(context, input.profileId, { type: 'CreateCustomerProfile', ...input, meta: commandMeta(context, this.options.clock()) });
  }

  async update(context: CommandContext, profileId: string, changes: Partial<ProfileTerms & { name: string }>): Promise<ProfileRow> {
    await this.sheets.assertExists(changes.rateSheetId, context.principal);
    const profile = await this.aggregates.profile(profileId);
    if (profile.state.status !== 'none') await this.policy.check(context.principal, profile.state.ownerAgentId, changes);
    return this.decide(context, profileId, { type: 'UpdateCustomerProfile', profileId, changes, meta: commandMeta(context, this.options.clock()) });
  }

  /** The PBX features customers opened from the profile get (ITC only: the domain refuses anyone else). */
  setFeatures(context: CommandContext, profileId: string, changes: Partial<CustomerFeatures>): Promise<ProfileRow> {
    return this.decide(context, profileId, { type: 'SetProfileFeatures', profileId, changes, meta: commandMeta(context, this.options.clock()) });
  }

  archive(context: CommandContext, profileId: string): Promise<ProfileRow> {
    return this.decide(context, profileId, { type: 'ArchiveCustomerProfile', profileId, meta: commandMeta(context, this.options.clock()) });
  }

  private async decide(context: CommandContext, profileId: string, command: CustomerProfileCommand): Promise<ProfileRow> {
    await this.committer.commit(async () => {
      const profile = await this.aggregates.profile(profileId);
      return [{ streamId: profile.streamId, expectedVersion: profile.expectedVersion, events: customerProfileDecider.decide(command, profile.state) }];
    }, eventMetadata(context));
    const row = await this.profiles.get(profileId);
    if (row === undefined) throw rejections.profileNotFound();
    return row;
  }
}
