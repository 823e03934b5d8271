// The customer pages' URL search params, validated by plain functions (part of the first load: no
// schema library). Anything unknown or malformed is dropped, so a hand-edited URL still opens.

export const CUSTOMER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_TABS = ['account', 'sip', 'trunks', 'features', 'callerIds'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export interface CustomersSearch {
  /** contained in the account number, usernames or e-mail (the API's ?search=). */
  q?: string;
  /** an agent id, or `itc` for ITC-direct customers. */
  agentId?: string;
  status?: CustomerStatus;
  batchId?: string;
}

export interface CustomerSearch {
  tab?: CustomerTab;
}

export function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

export function validateCustomersSearch(search: Record<string, unknown>): CustomersSearch {
  const result: CustomersSearch = {};
  const q = text(search['q'], 100);
  if (q !== undefined) result.q = q;
  const agentId = text(search['agentId'], 128);
  if (agentId !== undefined) result.agentId = agentId;
  const status = oneOf(search['status'], CUSTOMER_STATUSES);
  if (status !== undefined) result.status = status;
  const batchId = text(search['batchId'], 128);
  if (batchId !== undefined) result.batchId = batchId;
  return result;
}

export function validateCustomerSearch(search: Record<string, unknown>): CustomerSearch {
  const tab = oneOf(search['tab'], CUSTOMER_TABS);
  return tab === undefined ? {} : { tab };
}
