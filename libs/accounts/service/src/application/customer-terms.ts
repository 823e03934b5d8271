// The terms a new customer copies, for the caller asking: the domain's resolveCustomerTerms, after
// the tenant rule — an agent never learns that another agent's profile exists (404, not 422) —
// and checked against what ITC lets that agent give its customers (sheet, credit limit: the
// billing policy), whichever profile they come from.
import { DEFAULT_FEATURES, rejections, resolveCustomerTerms, type CustomerFeatures, type CustomerTerms } from '@billing/accounts-domain';
import type { Principal } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { BillingPolicy } from './billing-policy.js';

@Injectable()
export class CustomerTermsResolver {
  constructor(
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(BillingPolicy) private readonly policy: BillingPolicy,
  ) {}

  /** The terms, and the profile's PBX features (a single opening and a batch both honour them). */
  async resolve(principal: Principal, profileId: string, agentId: string | null): Promise<CustomerTerms & { features: CustomerFeatures }> {
    const [profile, agent] = await Promise.all([this.aggregates.profile(profileId), agentId === null ? null : this.aggregates.agent(agentId)]);
    const owner = profile.state.status === 'none' ? null : profile.state.ownerAgentId;
    if (principal.role === 'agent' && owner !== null && owner !== principal.subjectId) throw rejections.profileNotFound();
    const agentState = agent === null ? null : agent.state;
    const terms = resolveCustomerTerms(profile.state, agentState);
    await this.policy.checkWith(principal, agentState, terms);
    return { ...terms, features: profile.state.status === 'none' ? DEFAULT_FEATURES : profile.state.features };
  }
}
