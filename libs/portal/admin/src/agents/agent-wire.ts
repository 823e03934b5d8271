// Wire shapes of the agent and wallet routes the admin pages read (docs/API.md §4 and §7). The
// agent itself is typed by the generated client; the wallet's answers have no schema there yet.
import type { paths } from '@billing/portal-api-client';

export type Agent = paths['/api/v1/agents/{id}']['get']['responses'][200]['content']['application/json'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One row of GET /wallet/balances. */
export interface BalanceRow {
  kind: 'agent' | 'customer';
  id: string;
  account: string;
  status: string;
  billingType: string;
  agentId: string | null;
  balance: string;
  held: string;
  available: string;
  creditLimit: string;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string;
  belowThreshold: boolean;
  updatedAt: string;
}

/** GET /agents/{id}/overview (the figures the agent page shows). */
export interface AgentOverview {
  agentId: string;
  status: string;
  balance: string;
  reserved: string;
  available: string;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string;
  commissionBalance: string;
  customers: { total: number; open: number; inDebt: number; debt: string };
}

/** A line of GET /agents/{id}/transactions (the main balance's ledger). */
export interface LedgerLine {
  id: string;
  type: string;
  /** `deposit:manual`, `deposit:card`, `transfer`, `commission`, … */
  kind: string;
  /** the deposit, transfer or call id. */
  ref: string;
  reference: string | null;
  amount: string;
  balanceAfter: string;
  customerId: string | null;
  actor: string;
  occurredAt: string;
}

/** A line of GET /agents/{id}/commissions. */
export interface CommissionLine {
  id: string;
  type: string;
  kind: string;
  ref: string;
  customerId: string | null;
  baseAmount: string;
  commissionPercent: string;
  amount: string;
  commissionBalanceAfter: string;
  occurredAt: string;
}

export const agentKeys = {
  all: ['admin', 'agents'] as const,
  list: (search: { q?: string; status?: string }) => ['admin', 'agents', 'list', search] as const,
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
