import { z } from 'zod';
import { audited, AccountsId, PercentString } from './wire.js';

/** Applies to deposits from `occurredAt` on. */
export const AGENT_COMMISSION_CHANGED_V1 = { type: 'accounts.AgentCommissionChanged', schemaVersion: 1 } as const;

export const AgentCommissionChangedV1 = z.object({
  agentId: AccountsId,
  previousCommissionPercent: PercentString,
  commissionPercent: PercentString,
  ...audited,
});
export type AgentCommissionChangedV1 = z.infer<typeof AgentCommissionChangedV1>;
