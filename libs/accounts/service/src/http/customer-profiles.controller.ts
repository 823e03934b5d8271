import {
  ApiProblemResponse,
  CurrentUser,
  Idempotent,
  IdempotencyKey,
  notFound,
  ProblemException,
  Roles,
  uuidFromName,
  ValidBody,
  ValidParam,
  ValidQuery,
  type IdempotencyContext,
  type Principal,
} from '@billing/gateway';
import { parseMoney } from '@billing/money';
import type { ProfileTerms } from '@billing/accounts-domain';
import { Controller, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../application/command-context.js';
import { ProfilesService } from '../application/profiles.service.js';
import type { Page } from '../queries/pagination.js';
import { ProfilesQueries, type ProfileScope } from '../queries/profiles.queries.js';
import type { ProfileRow } from '../queries/rows.js';
import { Caller } from './caller.decorator.js';
import { Id } from './common.schemas.js';
import { CreateProfileBody, ProfileListQuery, UpdateProfileBody } from './profiles.schemas.js';
import { pageSchema, profileView, ProfileView } from './views.js';

@ApiTags('customer profiles')
@Controller('customer-profiles')
export class CustomerProfilesController {
  constructor(
    @Inject(ProfilesService) private readonly profiles: ProfilesService,
    @Inject(ProfilesQueries) private readonly queries: ProfilesQueries,
  ) {}

  @Post()
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiOperation({
    summary: 'Create a customer profile: the billing template customers are opened from',
    description: 'ITC profiles (ownerAgentId null) serve every agent; an agent creates profiles for itself only. Money fields are decimal strings.',
  })
  @ApiResponse({ status: 201, standardSchema: ProfileView })
  @ApiProblemResponse(403, "an agent's profile with terms ITC does not let it give: rate_sheet_not_allowed, rate_sheet_below_cost, credit_limit_above_agent_maximum")
  @ApiProblemResponse(
    422,
    'billing terms break a rule: credit_limit_required (postpaid), credit_limit_not_allowed (prepaid), rate_sheet_not_found, invalid_rate_sheet, invalid_billing_type, invalid_credit_limit, invalid_initial_balance, invalid_max_concurrent_calls, invalid_max_call_duration, invalid_name, invalid_language',
  )
  @ApiProblemResponse(409, 'the owner (ITC, or the agent) has a profile whose name looks the same (docs/API.md §1 Names); nothing was changed', ['name_taken'])
  @ApiProblemResponse(503, 'rating could not be reached to check the rate sheet; nothing was changed', ['rating_unavailable'])
  async create(
    @ValidBody(CreateProfileBody) body: CreateProfileBody,
    @Caller() context: CommandContext,
    @IdempotencyKey() idempotency: IdempotencyContext | undefined,
  ): Promise<ProfileView> {
    const user = context.principal;
    if (user.role === 'agent' && body.ownerAgentId !== null && body.ownerAgentId !== user.subjectId) {
      throw new ProblemException(403, 'forbidden', 'An agent creates profiles for itself only.');
    }
    const profile = await this.profiles.create(context, {
      profileId: idempotency === undefined ? randomUUID() : uuidFromName(`accounts:profile:${idempotency.scopedKey}`),
      ownerAgentId: user.role === 'agent' ? user.subjectId : body.ownerAgentId,
      name: body.name,
      ...profileTerms(body),
    });
    return profileView(profile);
  }

  @Get()
  @Roles('admin', 'agent')
  @ApiOperation({ summary: "List profiles: an agent sees ITC's and its own; admin sees all" })
  @ApiResponse({ status: 200, standardSchema: pageSchema(ProfileView) })
  async list(@ValidQuery(ProfileListQuery) query: ProfileListQuery, @CurrentUser() user: Principal): Promise<Page<ProfileView>> {
    const scope: ProfileScope = user.role === 'agent' ? { kind: 'agent', agentId: user.subjectId } : { kind: 'all' };
    const owner = query.ownerAgentId === undefined ? {} : { ownerAgentId: query.ownerAgentId === 'itc' ? null : query.ownerAgentId };
    const page = await this.queries.list(scope, owner, query.limit, query.cursor);
    return { items: page.items.map(profileView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'One profile' })
  @ApiResponse({ status: 200, standardSchema: ProfileView })
  @ApiProblemResponse(404, 'no such profile, or another agent\'s', ['not_found'])
  async get(@ValidParam('id', Id) id: string, @CurrentUser() user: Principal): Promise<ProfileView> {
    return profileView(this.visible(user, await this.queries.get(id)));
  }

  @Patch(':id')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'Change a profile (customers already opened keep the terms they copied)' })
  @ApiResponse({ status: 200, standardSchema: ProfileView })
  @ApiProblemResponse(403, "forbidden (an ITC profile), or terms ITC does not let the agent give: rate_sheet_not_allowed, rate_sheet_below_cost, credit_limit_above_agent_maximum")
  @ApiProblemResponse(
    422,
    'billing terms break a rule: credit_limit_required, credit_limit_not_allowed, rate_sheet_not_found, invalid_rate_sheet, invalid_billing_type, invalid_credit_limit, invalid_initial_balance, invalid_max_concurrent_calls, invalid_max_call_duration, invalid_name, invalid_language',
  )
  @ApiProblemResponse(409, 'a rename to a name that looks like one the owner has for another profile (docs/API.md §1 Names); nothing was changed', ['name_taken'])
  async update(@ValidParam('id', Id) id: string, @ValidBody(UpdateProfileBody) body: UpdateProfileBody, @Caller() context: CommandContext): Promise<ProfileView> {
    this.changeable(context.principal, await this.queries.get(id));
    return profileView(await this.profiles.update(context, id, { name: body.name, ...profileTerms(body) }));
  }

  @Post(':id/archive')
  @Roles('admin', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive a profile: no new customers from it' })
  @ApiResponse({ status: 200, standardSchema: ProfileView })
  @ApiProblemResponse(404, "no such profile, or another agent's", ['not_found'])
  async archive(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<ProfileView> {
    this.changeable(context.principal, await this.queries.get(id));
    return profileView(await this.profiles.archive(context, id));
  }

  /** Admin: all; agent: ITC profiles and its own; another agent's profile does not exist for it. */
  private visible(user: Principal, profile: ProfileRow | undefined): ProfileRow {
    if (profile === undefined) throw notFound('The profile does not exist.');
    if (user.role === 'agent' && profile.ownerAgentId !== null && profile.ownerAgentId !== user.subjectId) throw notFound('The profile does not exist.');
    return profile;
  }

  /** An agent may read ITC's profiles but change only its own. */
  private changeable(user: Principal, profile: ProfileRow | undefined): ProfileRow {
    const visible = this.visible(user, profile);
    if (user.role === 'agent' && visible.ownerAgentId === null) throw new ProblemException(403, 'forbidden', 'ITC profiles are changed by ITC only.');
    return visible;
  }
}

type TermsBody = Partial<Pick<CreateProfileBody, 'billingType' | 'creditLimit' | 'rateSheetId' | 'initialBalance' | 'lowBalanceThreshold' | 'maxConcurrentCalls' | 'maxCallDurationSeconds' | 'language'>>;

/** Wire terms → domain terms (money to micros); absent fields stay absent (PATCH). */
function profileTerms<B extends TermsBody>(body: B): B extends CreateProfileBody ? ProfileTerms : Partial<ProfileTerms> {
  const terms: Partial<ProfileTerms> = {
    billingType: body.billingType,
    creditLimitMicros: body.creditLimit === undefined ? undefined : body.creditLimit === null ? null : parseMoney(body.creditLimit, 'creditLimit'),
    rateSheetId: body.rateSheetId,
    initialBalanceMicros: body.initialBalance === undefined ? undefined : parseMoney(body.initialBalance, 'initialBalance'),
    lowBalanceThresholdMicros: body.lowBalanceThreshold === undefined ? undefined : parseMoney(body.lowBalanceThreshold, 'lowBalanceThreshold'),
    maxConcurrentCalls: body.maxConcurrentCalls,
    maxCallDurationSeconds: body.maxCallDurationSeconds,
    language: body.language,
  };
  return terms as B extends CreateProfileBody ? ProfileTerms : Partial<ProfileTerms>;
}
