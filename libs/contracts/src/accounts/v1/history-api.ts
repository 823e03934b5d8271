// Accounts' history API (issue 12 §6): a service that consumes accounts.events.v1 and is asked
// about a customer, SIP user or agent it has not consumed yet (a deposit, an authorization right
// after `POST /customers` or `POST /customers/{id}/sip-users` answered 201) asks accounts for that
// customer's or agent's integration events — the very events the relay publishes, same ids, oldest
// first: the opening, then every later change (SIP users, CallerIDs, features, status…) — and
// applies them through its consumer's own handler and inbox (ConsumerCatchUp in
// @billing/messaging), so the later deliveries are duplicates. In one process a method call;
// between processes `GET /api/v1/internal/accounts/history?…` with the switch API key, in pages.
import { z } from 'zod';
import { IntegrationEvent } from '../../envelope.js';

export const ACCOUNTS_HISTORY_API_PATH = '/api/v1/internal/accounts/history';
/** Stream events one answer covers at most; `next` continues. */
export const ACCOUNTS_HISTORY_PAGE_SIZE = 500;
/** Pages a reader follows before it gives up (a history longer than this is not a catch-up). */
const MAX_PAGES = 200;

const name = z.string().min(1).max(200);
/** Where the page starts: a stream version (0 = the first event; the previous answer's `next`). */
const from = z
  .string()
  .regex(/^\d{1,9}$/, 'a stream version (a whole number)')
  .transform(Number)
  .optional();

/** Exactly one key: a customer by id or account number (`account`), by any of its SIP usernames, or an agent by id. */
export type AccountsHistoryKeyV1 = { account: string } | { sipUsername: string } | { agentId: string };

export const AccountsHistoryQueryV1 = z.union([
  z.strictObject({ account: name, from }),
  z.strictObject({ sipUsername: name, from }),
  z.strictObject({ agentId: name, from }),
]);
export type AccountsHistoryQueryV1 = z.infer<typeof AccountsHistoryQueryV1>;

/** `events`: the integration events of one page, oldest first ([] on the first page = accounts knows no such customer or agent); `next`: the `from` of the next page, null = the end. */
export const AccountsHistoryResponseV1 = z.object({ events: z.array(IntegrationEvent), next: z.number().int().min(0).nullable() });
export type AccountsHistoryResponseV1 = z.infer<typeof AccountsHistoryResponseV1>;

/** The port consumers depend on (in process: accounts' AccountsHistory; between processes: readAccountsHistory over HTTP). */
export interface AccountsHistoryPort {
  /** Every integration event of the customer or agent `key` names, oldest first; [] = unknown to accounts. */
  history(key: AccountsHistoryKeyV1): Promise<readonly IntegrationEvent[]>;
}

/**
 * The whole history over the route above, page after page. `get` performs one GET of a path (with
 * its query) and parses the answer with AccountsHistoryResponseV1 (callServiceJson, with the caller).
 */
export async function readAccountsHistory(key: AccountsHistoryKeyV1, get: (path: string) => Promise<AccountsHistoryResponseV1>): Promise<IntegrationEvent[]> {
  const events: IntegrationEvent[] = [];
  let next: number | null = 0;
  for (let page = 0; page < MAX_PAGES && next !== null; page += 1) {
    const query = new URLSearchParams({ ...key, ...(next === 0 ? {} : { from: String(next) }) });
    const answer: AccountsHistoryResponseV1 = await get(`${ACCOUNTS_HISTORY_API_PATH}?${query.toString()}`);
    events.push(...answer.events);
    next = answer.next;
  }
  if (next !== null) throw new Error(`the accounts history of ${JSON.stringify(key)} is longer than ${MAX_PAGES} pages`);
  return events;
}
