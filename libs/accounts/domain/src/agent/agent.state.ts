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
  /** the highest postpaid credit limit the agent may grant one customer (0 = none). */
  maxCustomerCreditLimitMicros: bigint;
  /** the most postpaid credit all its open customers together may hold (0 = none). */
  maxTotalCustomerCreditMicros: bigint;
  /** may its customers add CallerIDs (each pending the agent's approval)? */
  customersMayAddCallerIds: boolean;
}

export type AgentState = { status: 'unregistered' } | RegisteredAgent;

export function initialAgentState(): AgentState {
  return { status: 'unregistered' };
}
