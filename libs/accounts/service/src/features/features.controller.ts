// PBX features assigned by ITC (issue 13 §3): a customer's set and a profile's default. Every role
// that can see the customer (or profile) may call the route, so that the domain's rule answers:
// anyone but ITC gets 403 features_itc_only. Reads: the customer's and the profile's views carry
// `features` (GET /customers/{id}, GET /customer-profiles/{id}).
import { ApiProblemResponse, Idempotent, notFound, Roles, ValidBody, ValidParam, type Principal } from '@billing/gateway';
import { Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../application/command-context.js';
import { CustomerChangesService } from '../application/customer-changes.service.js';
import { ProfilesService } from '../application/profiles.service.js';
import { Caller } from '../http/caller.decorator.js';
import { Id } from '../http/common.schemas.js';
import { visibleCustomer } from '../http/customer-access.js';
import { customerView, CustomerView, profileView, ProfileView } from '../http/views.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import { ProfilesQueries } from '../queries/profiles.queries.js';
import type { ProfileRow } from '../queries/rows.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { featureHistory, FeatureHistoryView } from './features.history.js';
import { featureChanges, FeaturesBody } from './features.views.js';

const RULES = 'invalid_home_country_code, home_country_code_required, invalid_premium_prefix, duplicate_premium_prefix, too_many_premium_prefixes';
const EFFECT =
  'Absent fields stay as they are; the same values again change nothing. The change is recorded in the audit trail with who made it and takes effect at that ' +
  'instant: a call that starts afterwards is judged by the new set (rating keeps every set with its instant).';

@ApiTags('features')
@Controller()
export class FeaturesController {
  constructor(
    @Inject(CustomerChangesService) private readonly changes: CustomerChangesService,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
    @Inject(ProfilesService) private readonly profiles: ProfilesService,
    @Inject(ProfilesQueries) private readonly profileRows: ProfilesQueries,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
  ) {}

  @Get('customers/:id/features/changes')
  @Roles('admin', 'agent', 'customer')
  @ApiOperation({ summary: "A customer's PBX features over time: the set it was opened with, then each change with who made it and from when it applies" })
  @ApiResponse({ status: 200, standardSchema: FeatureHistoryView })
  @ApiProblemResponse(404, "customer_not_found (or another agent's customer)")
  async customerFeatureChanges(@ValidParam('id', Id) id: string, @Caller() context: CommandContext): Promise<FeatureHistoryView> {
    visibleCustomer(context.principal, await this.customers.get(id));
    return { items: await featureHistory(this.aggregates, id) };
  }

  @Patch('customers/:id/features')
  @Roles('admin', 'agent', 'customer')
  @Idempotent()
  @ApiOperation({
    summary: "Assign a customer's PBX features (ITC only; its agent and the customer see them in the customer's read)",
    description: `FollowMe, CallerID self-management, international calls (outside homeCountryCode), premium destinations (premiumPrefixes), call recording and voicemail. ${EFFECT}`,
  })
  @ApiResponse({ status: 200, standardSchema: CustomerView })
  @ApiProblemResponse(403, 'features_itc_only (an agent or a customer)')
  @ApiProblemResponse(404, "customer_not_found (or another agent's customer)")
  @ApiProblemResponse(409, 'customer_closed')
  @ApiProblemResponse(422, RULES)
  async setCustomerFeatures(@ValidParam('id', Id) id: string, @ValidBody(FeaturesBody) body: FeaturesBody, @Caller() context: CommandContext): Promise<CustomerView> {
    visibleCustomer(context.principal, await this.customers.get(id));
    return customerView(await this.changes.apply(context, id, [{ type: 'SetCustomerFeatures', changes: featureChanges(body) }]));
  }

  @Patch('customer-profiles/:id/features')
  @Roles('admin', 'agent')
  @Idempotent()
  @ApiOperation({
    summary: 'Set the PBX features customers opened from a profile get (ITC only; customers opened before keep theirs)',
    description: `Single openings and batches from the profile copy this set. ${EFFECT}`,
  })
  @ApiResponse({ status: 200, standardSchema: ProfileView })
  @ApiProblemResponse(403, 'features_itc_only (an agent, even on its own profile)')
  @ApiProblemResponse(404, "profile_not_found (or another agent's profile)")
  @ApiProblemResponse(409, 'profile_archived')
  @ApiProblemResponse(422, RULES)
  async setProfileFeatures(@ValidParam('id', Id) id: string, @ValidBody(FeaturesBody) body: FeaturesBody, @Caller() context: CommandContext): Promise<ProfileView> {
    visibleProfile(context.principal, await this.profileRows.get(id));
    return profileView(await this.profiles.setFeatures(context, id, featureChanges(body)));
  }
}

/** As the profile routes: an agent sees ITC's profiles and its own; another agent's does not exist for it. */
function visibleProfile(user: Principal, profile: ProfileRow | undefined): ProfileRow {
  if (profile === undefined || (user.role === 'agent' && profile.ownerAgentId !== null && profile.ownerAgentId !== user.subjectId)) {
    throw notFound('The profile does not exist.');
  }
  return profile;
}
