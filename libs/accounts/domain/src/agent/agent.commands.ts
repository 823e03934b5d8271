import type { CommandMeta } from '../shared/command-meta.js';

/** ITC registers an agent (reseller). The portal password is not here: see the README of the service. */
export interface RegisterAgent {
  type: 'RegisterAgent';
  agentId: string;
  name: string;
  contactEmail: string;
  /** micro-percent: 12.5 % = 12_500_000n, 0..100 % (parsePercent at the edge). */
  commissionMicroPercent: bigint;
  /** the rate sheet the agent's customers get unless their profile names one. */
  rateSheetId: string;
  lowBalanceThresholdMicros: bigint;
  /** portal login; normalised (trimmed, lower-cased) by the domain. */
  username: string;
  /** the highest postpaid credit limit the agent may grant one customer; 0 = no postpaid credit. */
  maxCustomerCreditLimitMicros: bigint;
  /** the most postpaid credit all its open customers together may hold (sum of their credit limits); 0 = none. */
  maxTotalCustomerCreditMicros: bigint;
  /** false = the agent's customers cannot add CallerIDs at all; true = they can, pending the agent's approval. */
  customersMayAddCallerIds: boolean;
  meta: CommandMeta;
}

export interface ChangeAgentCommission {
  type: 'ChangeAgentCommission';
  agentId: string;
  commissionMicroPercent: bigint;
  meta: CommandMeta;
}

export interface ChangeAgentRateSheet {
  type: 'ChangeAgentRateSheet';
  agentId: string;
  rateSheetId: string;
  meta: CommandMeta;
}

/** Absent fields stay as they are. ITC, or the agent itself (its own contact details). */
export interface UpdateAgentContact {
  type: 'UpdateAgentContact';
  agentId: string;
  name?: string;
  contactEmail?: string;
  meta: CommandMeta;
}

export interface ChangeAgentLowBalanceThreshold {
  type: 'ChangeAgentLowBalanceThreshold';
  agentId: string;
  lowBalanceThresholdMicros: bigint;
  meta: CommandMeta;
}

/** ITC only: the postpaid credit the agent may grant each of its customers. */
export interface ChangeAgentMaxCustomerCreditLimit {
  type: 'ChangeAgentMaxCustomerCreditLimit';
  agentId: string;
  maxCustomerCreditLimitMicros: bigint;
  meta: CommandMeta;
}

/** ITC only: the postpaid credit all the agent's open customers together may hold. */
export interface ChangeAgentMaxTotalCustomerCredit {
  type: 'ChangeAgentMaxTotalCustomerCredit';
  agentId: string;
  maxTotalCustomerCreditMicros: bigint;
  meta: CommandMeta;
}

/** ITC only: whether the agent's customers may add CallerIDs (pending approval) or not at all. */
export interface ChangeAgentCallerIdPolicy {
  type: 'ChangeAgentCallerIdPolicy';
  agentId: string;
  customersMayAddCallerIds: boolean;
  meta: CommandMeta;
}

export interface SuspendAgent {
  type: 'SuspendAgent';
  agentId: string;
  reason: string | null;
  meta: CommandMeta;
}

export interface ReactivateAgent {
  type: 'ReactivateAgent';
  agentId: string;
  meta: CommandMeta;
}

export type AgentCommand =
  | RegisterAgent
  | ChangeAgentCommission
  | ChangeAgentRateSheet
  | UpdateAgentContact
  | ChangeAgentLowBalanceThreshold
  | ChangeAgentMaxCustomerCreditLimit
  | ChangeAgentMaxTotalCustomerCredit
  | ChangeAgentCallerIdPolicy
  | SuspendAgent
  | ReactivateAgent;
