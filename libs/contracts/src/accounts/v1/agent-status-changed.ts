import { z } from 'zod';
import { audited, AccountsId, Reason } from './wire.js';

export const AGENT_STATUS_CHANGED_V1 = { type: 'accounts.AgentStatusChanged', schemaVersion: 1 } as const;

export const AgentStatusChangedV1 = z.object({
  agentId: AccountsId,
  status: z.enum(['active', 'suspended']),
  /** set when suspended, null when reactivated. */
  reason: Reason,
  ...audited,
});
export type AgentStatusChangedV1 = z.infer<typeof AgentStatusChangedV1>;
