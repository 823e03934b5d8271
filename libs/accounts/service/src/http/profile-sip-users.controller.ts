// How many SIP users a new account opened from a profile gets (default 1). Its owner (an agent)
// or ITC sets it; read from the profile's stream, so a read right after the change shows it.
import { customerProfileDecider, MAX_SIP_USERS_PER_NEW_ACCOUNT, sipUsersPerAccountOf, type CustomerProfileState } from '@billing/accounts-domain';
import { ApiProblemResponse, Idempotent, notFound, Roles, ValidBody, ValidParam, type Principal } from '@billing/gateway';
import { Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { commandMeta, eventMetadata, type CommandContext } from '../application/command-context.js';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { Caller } from './caller.decorator.js';
import { Id } from './common.schemas.js';

const ProfileSipUsersBody = z.strictObject({
  sipUsersPerAccount: z.number().int().meta({
    minimum: 1,
    maximum: MAX_SIP_USERS_PER_NEW_ACCOUNT,
    description: `SIP users each new account gets (1 to ${MAX_SIP_USERS_PER_NEW_ACCOUNT}, else 422 invalid_sip_users_per_account): its own plus \`<account number>-2…n\``,
  }),
});
type ProfileSipUsersBody = z.infer<typeof ProfileSipUsersBody>;
const ProfileSipUsersView = z.object({ profileId: z.string(), sipUsersPerAccount: z.number().int() });
type ProfileSipUsersView = z.infer<typeof ProfileSipUsersView>;

@ApiTags('customer-profiles')
@Controller('customer-profiles/:id/sip-users')
export class ProfileSipUsersController {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
  ) {}

  @Get()
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'How many SIP users a new account opened from this profile gets (ITC; an agent for ITC profiles and its own)' })
  @ApiResponse({ status: 200, standardSchema: ProfileSipUsersView })
  @ApiProblemResponse(404, "no such profile, or another agent's", ['not_found'])
  async get(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<ProfileSipUsersView> {
    return view(visible(context.principal, (await this.aggregates.profile(id)).state));
  }

  @Put()
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiOperation({
    summary: 'Set how many SIP users a new account gets (the profile owner or ITC); single openings and batches add the further users with their passwords',
    description: 'The same value again changes nothing. Customers already opened keep their users (add more with POST /customers/{id}/sip-users).',
  })
  @ApiResponse({ status: 200, standardSchema: ProfileSipUsersView })
  @ApiProblemResponse(403, "an agent on an ITC profile (not_profile_owner)", ['not_profile_owner'])
  @ApiProblemResponse(404, "no such profile, or another agent's", ['not_found'])
  @ApiProblemResponse(409, 'profile_archived', ['profile_archived'])
  @ApiProblemResponse(422, 'invalid_sip_users_per_account', ['invalid_sip_users_per_account'])
  async set(@ValidParam('id', Id) id: string, @ValidBody(ProfileSipUsersBody) body: ProfileSipUsersBody, @Caller() context: CommandContext): Promise<ProfileSipUsersView> {
    visible(context.principal, (await this.aggregates.profile(id)).state);
    const meta = commandMeta(context, this.options.clock());
    await this.committer.commit(async () => {
      const profile = await this.aggregates.profile(id);
      const events = customerProfileDecider.decide({ type: 'SetProfileSipUsers', profileId: id, sipUsersPerAccount: body.sipUsersPerAccount, meta }, profile.state);
      return [{ streamId: profile.streamId, expectedVersion: profile.expectedVersion, events }];
    }, eventMetadata(context));
    return view(visible(context.principal, (await this.aggregates.profile(id)).state));
  }
}

/** Admin: all; agent: ITC profiles and its own; another agent's profile does not exist for it. */
function visible(user: Principal, state: CustomerProfileState): Exclude<CustomerProfileState, { status: 'none' }> {
  if (state.status === 'none' || (user.role === 'agent' && state.ownerAgentId !== null && state.ownerAgentId !== user.subjectId)) throw notFound('The profile does not exist.');
  return state;
}

function view(profile: Exclude<CustomerProfileState, { status: 'none' }>): ProfileSipUsersView {
  return { profileId: profile.profileId, sipUsersPerAccount: sipUsersPerAccountOf(profile) };
}
