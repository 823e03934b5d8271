// Wire shapes of the customer routes (docs/API.md §6, 6a–6c) and the wallet's balance rows (§7),
// from the generated client.
import type { paths } from '@billing/portal-api-client';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type Customer = Json<paths['/api/v1/customers/{id}']['get']['responses'][200]>;
export type CustomerListItem = Json<paths['/api/v1/customers']['get']['responses'][200]>['items'][number];
export type Features = Customer['features'];
export type SipUser = Json<paths['/api/v1/customers/{id}/sip-users']['get']['responses'][200]>['items'][number];
export type TrunkAddress = Json<paths['/api/v1/customers/{id}/trunk-addresses']['get']['responses'][200]>['items'][number];
export type FeatureChange = Json<paths['/api/v1/customers/{id}/features/changes']['get']['responses'][200]>['items'][number];
export type Profile = Json<paths['/api/v1/customer-profiles/{id}']['get']['responses'][200]>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** GET /customers/{id}/balance (no `belowThreshold`: balance-state.ts tells it from the amounts). */
export type CustomerAccountBalance = Json<paths['/api/v1/customers/{id}/balance']['get']['responses'][200]>;

/** One row of GET /wallet/balances (kind customer). */
export type CustomerBalance = Json<paths['/api/v1/wallet/balances']['get']['responses'][200]>['items'][number];

/** One customer of POST /customers/batch's answer (the passwords: in this answer only). */
export interface BatchCustomer {
  customerId: string;
  accountNumber: string;
  sipUsername: string;
  portalUsername: string;
  sipPassword: string | null;
  portalPassword: string | null;
  furtherSipUsers?: { sipUsername: string; sipPassword: string | null }[];
}

export interface BatchAnswer {
  batchId: string;
  profileId: string;
  agentId: string | null;
  sipRealm: string;
  credentialsIncluded: boolean;
  customers: BatchCustomer[];
}

/** Live feed events that move a customer's balance. */
export const MONEY_EVENTS = ['balance', 'deposit', 'deposit-reversed', 'transfer', 'call', 'low-balance'] as const;

export const customerKeys = {
  all: ['customers'] as const,
  list: (search: object) => ['customers', 'list', search] as const,
  customer: (id: string) => ['customers', 'one', id] as const,
  part: (id: string, part: string) => ['customers', 'one', id, part] as const,
};
