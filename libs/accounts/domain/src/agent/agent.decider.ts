import type { Decider } from '@billing/decider';
import type { AgentCommand } from './agent.commands.js';
import { decideAgent } from './agent.decide.js';
import type { AgentEvent } from './agent.events.js';
import { evolveAgent } from './agent.evolve.js';
import { initialAgentState, type AgentState } from './agent.state.js';

export const agentDecider: Decider<AgentCommand, AgentEvent, AgentState> = {
  decide: decideAgent,
  evolve: evolveAgent,
  initialState: initialAgentState,
};

/** One stream per agent (docs/ARCHITECTURE.md, Shape). */
export function agentStreamId(agentId: string): string {
  return `agent-${agentId}`;
}
