import type { Audit } from '../shared/command-meta.js';

export interface AgentRegistered extends Audit {
  type: 'AgentRegistered';
  agentId: string;
  name: string;
  contactEmail: string;
  commissionMicroPercent: bigint;
  rateSheetId: string;
  lowBalanceThresholdMicros: bigint;
  username: string;
  /** events stored before these fields existed read as 0 and true (the codec upcasts). */
  maxCustomerCreditLimitMicros: bigint;
  /** events stored before this field existed read as their maxCustomerCreditLimitMicros (the codec upcasts). */
  maxTotalCustomerCreditMicros: bigint;
  customersMayAddCallerIds: boolean;
}

/** `previous…` fields make each change event a complete audit line on its own. */
export interface AgentCommissionChanged extends Audit {
  type: 'AgentCommissionChanged';
  agentId: string;
  previousCommissionMicroPercent: bigint;
  commissionMicroPercent: bigint;
}

export interface AgentRateSheetChanged extends Audit {
  type: 'AgentRateSheetChanged';
  agentId: string;
  previousRateSheetId: string;
  rateSheetId: string;
}

/** Carries both fields as they are after the change. */
export interface AgentContactUpdated extends Audit {
  type: 'AgentContactUpdated';
  agentId: string;
  name: string;
  contactEmail: string;
}

export interface AgentLowBalanceThresholdChanged extends Audit {
  type: 'AgentLowBalanceThresholdChanged';
  agentId: string;
  previousLowBalanceThresholdMicros: bigint;
  lowBalanceThresholdMicros: bigint;
}

export interface AgentMaxCustomerCreditLimitChanged extends Audit {
  type: 'AgentMaxCustomerCreditLimitChanged';
  agentId: string;
  previousMaxCustomerCreditLimitMicros: bigint;
  maxCustomerCreditLimitMicros: bigint;
}

export interface AgentMaxTotalCustomerCreditChanged extends Audit {
  type: 'AgentMaxTotalCustomerCreditChanged';
  agentId: string;
  previousMaxTotalCustomerCreditMicros: bigint;
  maxTotalCustomerCreditMicros: bigint;
}

export interface AgentCallerIdPolicyChanged extends Audit {
  type: 'AgentCallerIdPolicyChanged';
  agentId: string;
  customersMayAddCallerIds: boolean;
}

export interface AgentSuspended extends Audit {
  type: 'AgentSuspended';
  agentId: string;
  reason: string | null;
}

export interface AgentReactivated extends Audit {
  type: 'AgentReactivated';
  agentId: string;
}

export type AgentEvent =
  | AgentRegistered
  | AgentCommissionChanged
  | AgentRateSheetChanged
  | AgentContactUpdated
  | AgentLowBalanceThresholdChanged
  | AgentMaxCustomerCreditLimitChanged
  | AgentMaxTotalCustomerCreditChanged
  | AgentCallerIdPolicyChanged
  | AgentSuspended
  | AgentReactivated;
