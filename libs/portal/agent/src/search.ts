// The agent pages' URL search params, validated by plain functions (part of the first load: no
// schema library). Anything unknown or malformed is dropped, so a hand-edited URL still opens.

export const CUSTOMER_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_TABS = ['money', 'settings', 'sip', 'service', 'callerIds', 'calls', 'transactions'] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export const CALL_STATUSES = ['rated', 'unrated', 'unanswered'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CustomersSearch {
  q?: string;
  status?: CustomerStatus;
  /** only customers with CallerIDs waiting for approval. */
  pending?: true;
}

export interface CustomerSearch {
  tab?: CustomerTab;
  /** calls: YYYY-MM-DD (UTC days). */
  from?: string;
  to?: string;
  /** calls: digits the destination starts with. */
  destination?: string;
  callStatus?: CallStatus;
  /** calls of one SIP user. */
  sip?: string;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function validateCustomersSearch(search: Record<string, unknown>): CustomersSearch {
  const q = text(search['q'], 100);
  const status = oneOf(search['status'], CUSTOMER_STATUSES);
  const pending = search['pending'] === true || search['pending'] === 'true';
  return { ...(q === undefined ? {} : { q }), ...(status === undefined ? {} : { status }), ...(pending ? { pending: true as const } : {}) };
}

export function validateCustomerSearch(search: Record<string, unknown>): CustomerSearch {
  const result: CustomerSearch = {};
  const tab = oneOf(search['tab'], CUSTOMER_TABS);
  if (tab !== undefined) result.tab = tab;
  for (const key of ['from', 'to'] as const) {
    const day = text(search[key], 10);
    if (day !== undefined && DAY.test(day)) result[key] = day;
  }
  const destination = text(search['destination'], 15);
  if (destination !== undefined && /^\+?\d+$/.test(destination)) result.destination = destination.replace(/^\+/, '');
  const callStatus = oneOf(search['callStatus'], CALL_STATUSES);
  if (callStatus !== undefined) result.callStatus = callStatus;
  const sip = text(search['sip'], 32);
  if (sip !== undefined) result.sip = sip;
  return result;
}
