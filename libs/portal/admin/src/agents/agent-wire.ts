// Wire shapes of the agent and wallet routes the admin pages read (docs/API.md §4 and §7), from the
// generated client.
import type { paths } from '@billing/portal-api-client';

export type Agent = paths['/api/v1/agents/{id}']['get']['responses'][200]['content']['application/json'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** One row of GET /wallet/balances. */
export type BalanceRow = Json<paths['/api/v1/wallet/balances']['get']['responses'][200]>['items'][number];

/** GET /agents/{id}/overview. */
export type AgentOverview = Json<paths['/api/v1/agents/{id}/overview']['get']['responses'][200]>;

/** A line of GET /agents/{id}/transactions (the main balance's ledger); `kind`: `deposit:manual`, `deposit:card`, `transfer`, `commission`, …; `ref`: the deposit, transfer or call id. */
export type LedgerLine = Json<paths['/api/v1/agents/{id}/transactions']['get']['responses'][200]>['items'][number];

/** A line of GET /agents/{id}/commissions. */
export type CommissionLine = Json<paths['/api/v1/agents/{id}/commissions']['get']['responses'][200]>['items'][number];

export const agentKeys = {
  all: ['admin', 'agents'] as const,
  list: (search: { q?: string; status?: string }) => ['admin', 'agents', 'list', search] as const,
  /** every agent's name (and sheet) for selects and id → name. */
  options: () => ['admin', 'agents', 'options'] as const,
  balances: (ids: readonly string[]) => ['admin', 'agents', 'balances', ids] as const,
  one: (id: string) => ['admin', 'agents', 'one', id] as const,
  overview: (id: string) => ['admin', 'agents', 'one', id, 'overview'] as const,
  ledger: (id: string) => ['admin', 'agents', 'one', id, 'ledger'] as const,
  commissions: (id: string) => ['admin', 'agents', 'one', id, 'commissions'] as const,
};

/** The deposits among these lines ITC may still reverse: every deposit without a `reversal` line for it. */
export function reversibleDeposits(lines: readonly LedgerLine[]): Set<string> {
  const reversed = new Set(lines.filter((line) => line.kind === 'reversal').map((line) => line.ref));
  return new Set(lines.filter((line) => line.kind.startsWith('deposit:') && !reversed.has(line.ref)).map((line) => line.ref));
}
