import { z } from 'zod';
import { audited, AccountsId } from './wire.js';

/** The agent's default sheet; customers keep the sheet they were opened with. */
export const AGENT_RATE_SHEET_CHANGED_V1 = { type: 'accounts.AgentRateSheetChanged', schemaVersion: 1 } as const;

export const AgentRateSheetChangedV1 = z.object({
  agentId: AccountsId,
  previousRateSheetId: AccountsId,
  rateSheetId: AccountsId,
  ...audited,
});
export type AgentRateSheetChangedV1 = z.infer<typeof AgentRateSheetChangedV1>;
