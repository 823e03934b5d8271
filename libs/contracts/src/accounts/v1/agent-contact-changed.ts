import { z } from 'zod';
import { AccountsId, audited, Email, Name } from './wire.js';

export const AGENT_CONTACT_CHANGED_V1 = { type: 'accounts.AgentContactChanged', schemaVersion: 1 } as const;

/** Name and e-mail as they are after the change. */
export const AgentContactChangedV1 = z.object({
  agentId: AccountsId,
  name: Name,
  contactEmail: Email,
  ...audited,
});
export type AgentContactChangedV1 = z.infer<typeof AgentContactChangedV1>;
