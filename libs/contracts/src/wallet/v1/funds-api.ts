// The wallet's synchronous funds query (a read between services, beside holds-api.ts):
// accounts asks whether an agent can fund a new customer's initial balance before it opens the
// customer, so that an agent without the money gets a 409 instead of a customer whose funding
// fails later. `GET /api/v1/internal/wallet/agents/{agentId}/funds`, the switch API key.
import { z } from 'zod';
import { MoneyString } from '../../money.js';
import { WalletId } from './wire.js';

export const AGENT_FUNDS_API_PATH = '/api/v1/internal/wallet/agents';

/** `available`: the agent's main balance the ledger would let it move now ("0" for an agent the wallet does not know yet). */
export const AgentFundsResponseV1 = z.object({ agentId: WalletId, available: MoneyString });
export type AgentFundsResponseV1 = z.infer<typeof AgentFundsResponseV1>;
