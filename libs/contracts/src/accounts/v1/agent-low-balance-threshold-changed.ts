import { z } from 'zod';
import { audited, AccountsId, NonNegativeMoneyString } from './wire.js';

/** The threshold of the agent's main balance (low-balance e-mail). */
export const AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1 = { type: 'accounts.AgentLowBalanceThresholdChanged', schemaVersion: 1 } as const;

export const AgentLowBalanceThresholdChangedV1 = z.object({
  agentId: AccountsId,
  previousLowBalanceThreshold: NonNegativeMoneyString,
  lowBalanceThreshold: NonNegativeMoneyString,
  ...audited,
});
export type AgentLowBalanceThresholdChangedV1 = z.infer<typeof AgentLowBalanceThresholdChangedV1>;
