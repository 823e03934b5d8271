export type AgentStatus = 'active' | 'suspended';

export interface RegisteredAgent {
  status: AgentStatus;
  agentId: string;
  name: string;
  contactEmail: string;
  commissionMicroPercent: bigint;
  rateSheetId: string;
  lowBalanceThresholdMicros: bigint;
  username: string;
}

export type AgentState = { status: 'unregistered' } | RegisteredAgent;

export function initialAgentState(): AgentState {
  return { status: 'unregistered' };
}
