import { z } from 'zod';
import { AccountsId, audited, Email, Name, NonNegativeMoneyString, PercentString } from './wire.js';

export const AGENT_REGISTERED_V1 = { type: 'accounts.AgentRegistered', schemaVersion: 1 } as const;

export const AgentRegisteredV1 = z.object({
  agentId: AccountsId,
  name: Name,
  contactEmail: Email,
  commissionPercent: PercentString,
  /** the rate sheet the agent's customers get unless their profile names one. */
  rateSheetId: AccountsId,
  lowBalanceThreshold: NonNegativeMoneyString,
  ...audited,
});
export type AgentRegisteredV1 = z.infer<typeof AgentRegisteredV1>;
