// The wallet's synchronous initial-balance reservation (a command between services, beside
// holds-api.ts): before accounts appends the CustomerOpened of a customer the agent funds, it
// reserves the initial balance on the agent, keyed by the customer id (a retry reserves nothing
// twice), so an opening answered 201 is certain to be funded when the wallet consumes it. An
// opening that fails afterwards releases the reservation; one that never happened expires (30 min).
// `POST /api/v1/internal/wallet/agents/{agentId}/initial-balance-reservations` and
// `…/initial-balance-reservations/{customerId}/release`, the switch API key; both answer 200.
import { z } from 'zod';
import { MoneyString, PositiveMoneyString } from '../../money.js';
import { WalletId } from './wire.js';

export const AGENT_FUNDS_API_PATH = '/api/v1/internal/wallet/agents';

export const ReserveInitialBalanceRequestV1 = z.strictObject({ customerId: WalletId, amount: PositiveMoneyString });
export type ReserveInitialBalanceRequestV1 = z.infer<typeof ReserveInitialBalanceRequestV1>;

/**
 * `reserved: false` is an answer, not an error: `code` `insufficient_funds` (the agent cannot cover
 * it), `in_debt` (the agent owes money), `account_closed`, `account_not_found` (an agent the wallet
 * does not know yet), `id_reused` (another amount was reserved for this customer); `status` the HTTP
 * status of that refusal (absent from wallets before it: 409); `available` what the agent may move
 * now ("0" for an unknown agent).
 */
export const ReserveInitialBalanceResponseV1 = z.discriminatedUnion('reserved', [
  z.object({ reserved: z.literal(true), agentId: WalletId, customerId: WalletId, amount: PositiveMoneyString }),
  z.object({ reserved: z.literal(false), agentId: WalletId, customerId: WalletId, code: z.string(), reason: z.string(), status: z.union([z.literal(403), z.literal(404), z.literal(409), z.literal(422)]).optional(), available: MoneyString }),
]);
export type ReserveInitialBalanceResponseV1 = z.infer<typeof ReserveInitialBalanceResponseV1>;

/** `released`: whether a reservation was still open (false: released, used or expired already). */
export const ReleaseInitialBalanceResponseV1 = z.object({ agentId: WalletId, customerId: WalletId, released: z.boolean() });
export type ReleaseInitialBalanceResponseV1 = z.infer<typeof ReleaseInitialBalanceResponseV1>;
