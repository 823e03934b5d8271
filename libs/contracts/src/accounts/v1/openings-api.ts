// Accounts' openings API (issue 12 §6): a service that consumes accounts.events.v1 and is asked
// about a customer or agent it has not consumed yet (a deposit, an authorization right after
// `POST /customers` answered 201) asks accounts for the integration event that opened it — the
// very event the relay publishes, same id — and applies it through its consumer's own handler and
// inbox, so the later delivery is a duplicate. In one process it is a method call; between
// processes `GET /api/v1/internal/accounts/openings?…` with the switch API key.
import { z } from 'zod';
import { IntegrationEvent } from '../../envelope.js';

export const ACCOUNTS_OPENINGS_API_PATH = '/api/v1/internal/accounts/openings';

/** Exactly one key: a customer by id or account number (`account`), by SIP username, or an agent by id. */
export const AccountsOpeningQueryV1 = z.union([
  z.strictObject({ account: z.string().min(1).max(200) }),
  z.strictObject({ sipUsername: z.string().min(1).max(200) }),
  z.strictObject({ agentId: z.string().min(1).max(200) }),
]);
export type AccountsOpeningQueryV1 = z.infer<typeof AccountsOpeningQueryV1>;

/** `opening` = the `accounts.CustomerOpened` / `accounts.AgentRegistered` v1 event; null = accounts knows no such customer or agent. */
export const AccountsOpeningResponseV1 = z.object({ opening: IntegrationEvent.nullable() });
export type AccountsOpeningResponseV1 = z.infer<typeof AccountsOpeningResponseV1>;

/** The port consumers depend on (in process: accounts' AccountsOpenings; between processes: the HTTP call above). */
export interface AccountsOpeningsPort {
  opening(query: AccountsOpeningQueryV1): Promise<IntegrationEvent | null>;
}
