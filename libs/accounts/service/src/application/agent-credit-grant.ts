// Which credit counts against an agent's total (maxTotalCustomerCredit): postpaid credit the agent
// itself grants one of its customers. ITC (admin, system) is not bounded by it, like by the rest of
// the agent billing policy; an ITC-direct customer has no agent.
import type { AccountsAggregates } from '../infrastructure/aggregates.js';
import type { AgentCreditGrant } from '../infrastructure/agent-credit-total.js';
import type { CommandContext } from './command-context.js';

/** null = nothing to check; otherwise the grant the committer checks in the append transaction. */
export async function agentCreditGrant(
  aggregates: AccountsAggregates,
  context: CommandContext,
  agentId: string | null,
  customerId: string,
  creditLimitMicros: bigint | null,
): Promise<AgentCreditGrant | null> {
  if (context.principal.role !== 'agent' || agentId === null || creditLimitMicros === null || creditLimitMicros === 0n) return null;
  const agent = (await aggregates.agent(agentId)).state;
  // an unknown agent is refused by the billing policy before this
  if (agent.status === 'unregistered') return null;
  return { agentId, customerId, creditLimitMicros, maxTotalMicros: agent.maxTotalCustomerCreditMicros };
}
