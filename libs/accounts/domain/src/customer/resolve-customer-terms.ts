// The terms a new customer copies: its profile's, with the rate sheet inherited from its agent
// when the profile names none. The service loads the profile and the agent and calls this
// before OpenCustomer / OpenCustomerBatch; the rule lives here so both paths share it.
import { rejections } from '../rejections.js';
import type { AgentState } from '../agent/agent.state.js';
import type { CustomerProfileState } from '../customer-profile/customer-profile.state.js';
import type { CustomerTerms } from '../terms/billing-terms.js';

/**
 * @param profile the profile's current state.
 * @param agent the state of the customer's agent, or null for an ITC-direct customer.
 */
export function resolveCustomerTerms(profile: CustomerProfileState, agent: AgentState | null): CustomerTerms {
  if (profile.status === 'none') throw rejections.profileNotFound();
  if (profile.status === 'archived') throw rejections.profileArchived();
  if (agent !== null && agent.status === 'unregistered') throw rejections.agentNotFound();
  const agentId = agent === null ? null : agent.agentId;
  // ITC profiles serve everyone; an agent's profile serves only that agent's customers.
  if (profile.ownerAgentId !== null && profile.ownerAgentId !== agentId) throw rejections.profileOwnerMismatch();
  if (agent !== null && agent.status === 'suspended') throw rejections.agentSuspended();
  const rateSheetId = profile.rateSheetId ?? (agent === null ? null : agent.rateSheetId);
  if (rateSheetId === null) throw rejections.rateSheetRequired();
  return {
    billingType: profile.billingType,
    creditLimitMicros: profile.creditLimitMicros,
    rateSheetId,
    initialBalanceMicros: profile.initialBalanceMicros,
    lowBalanceThresholdMicros: profile.lowBalanceThresholdMicros,
    maxConcurrentCalls: profile.maxConcurrentCalls,
    maxCallDurationSeconds: profile.maxCallDurationSeconds,
    language: profile.language,
  };
}
