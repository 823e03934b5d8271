// The customer pages' answers, by name, from the generated client (the OpenAPI response schemas),
// and the query keys every customer page shares.
import type { ApiClient, paths } from '@billing/portal-api-client';

export type Customer = paths['/api/v1/customers/{id}']['get']['responses'][200]['content']['application/json'];
export type Call = paths['/api/v1/customers/{id}/calls']['get']['responses'][200]['content']['application/json']['items'][number];
export type SipUser = paths['/api/v1/customers/{id}/sip-users']['get']['responses'][200]['content']['application/json']['items'][number];
export type TrunkAddress = paths['/api/v1/customers/{id}/trunk-addresses']['get']['responses'][200]['content']['application/json']['items'][number];

/** GET /customers/{id}/balance. */
export type CustomerBalance = paths['/api/v1/customers/{id}/balance']['get']['responses'][200]['content']['application/json'];

/** GET /customers/{id}/transactions (JSON; ?format=csv answers CSV). */
export type LedgerPage = paths['/api/v1/customers/{id}/transactions']['get']['responses'][200]['content']['application/json'];
/** A ledger line of GET /customers/{id}/transactions. */
export type LedgerLine = LedgerPage['items'][number];

/** POST /payments/card-deposits. */
export type CardDepositIntent = paths['/api/v1/payments/card-deposits']['post']['responses'][201]['content']['application/json'];

/** Every query of one customer starts with this key: a live event invalidates them by prefix. */
export const customerKeys = {
  all: (id: string) => ['customer', id] as const,
  customer: (id: string) => ['customer', id, 'account'] as const,
  balance: (id: string) => ['customer', id, 'balance'] as const,
  transactions: (id: string) => ['customer', id, 'transactions'] as const,
  calls: (id: string) => ['customer', id, 'calls'] as const,
  sipUsers: (id: string) => ['customer', id, 'sip-users'] as const,
  trunkAddresses: (id: string) => ['customer', id, 'trunk-addresses'] as const,
  rates: (id: string) => ['customer', id, 'rates'] as const,
};

export type { ApiClient };
