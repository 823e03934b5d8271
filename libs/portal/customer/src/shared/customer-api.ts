// Answers the generated client leaves untyped (their OpenAPI response has no schema yet), typed
// from docs/API.md §7 and §8, and the query keys every customer page shares.
import type { ApiClient, paths } from '@billing/portal-api-client';

export type Customer = paths['/api/v1/customers/{id}']['get']['responses'][200]['content']['application/json'];
export type Call = paths['/api/v1/customers/{id}/calls']['get']['responses'][200]['content']['application/json']['items'][number];
export type SipUser = paths['/api/v1/customers/{id}/sip-users']['get']['responses'][200]['content']['application/json']['items'][number];

/** GET /customers/{id}/balance (§7). */
export interface CustomerBalance {
  customerId: string;
  status: string;
  billingType: 'prepaid' | 'postpaid';
  balance: string;
  held: string;
  available: string;
  creditLimit: string | null;
  inDebt: boolean;
  debt: string;
  lowBalanceThreshold: string | null;
  updatedAt: string;
}

/** A ledger line of GET /customers/{id}/transactions (§7). */
export interface LedgerLine {
  id: string;
  type: string;
  kind: string;
  ref: string | null;
  reference: string | null;
  amount: string;
  balanceAfter: string;
  occurredAt: string;
}

export interface LedgerPage {
  items: LedgerLine[];
  nextCursor: string | null;
}

/** POST /payments/card-deposits (§8). */
export interface CardDepositIntent {
  paymentIntentId: string;
  clientSecret: string;
  amount: string;
  currency: string;
}

/** Every query of one customer starts with this key: a live event invalidates them by prefix. */
export const customerKeys = {
  all: (id: string) => ['customer', id] as const,
  customer: (id: string) => ['customer', id, 'account'] as const,
  balance: (id: string) => ['customer', id, 'balance'] as const,
  transactions: (id: string) => ['customer', id, 'transactions'] as const,
  calls: (id: string) => ['customer', id, 'calls'] as const,
  sipUsers: (id: string) => ['customer', id, 'sip-users'] as const,
  rates: (id: string) => ['customer', id, 'rates'] as const,
};

export type { ApiClient };
