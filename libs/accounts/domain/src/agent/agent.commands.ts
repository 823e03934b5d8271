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

/** Absent fields stay as they are. */
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
  | SuspendAgent
  | ReactivateAgent;
