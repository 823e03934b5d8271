// The unrated calls page's URL search params (plain functions: part of the first load).
import { oneOf, text } from '../customers/search.js';

export const UNRATED_REASONS = [
  'unknown_account',
  'account_mismatch',
  'unknown_source_address',
  'ambiguous_source_address',
  'account_suspended',
  'account_closed',
  'invalid_destination',
  'no_rate_sheet',
  'no_rate',
] as const;
export type UnratedReason = (typeof UNRATED_REASONS)[number];

export interface UnratedSearch {
  reason?: UnratedReason;
  customerId?: string;
}

export function validateUnratedSearch(search: Record<string, unknown>): UnratedSearch {
  const result: UnratedSearch = {};
  const reason = oneOf(search['reason'], UNRATED_REASONS);
  if (reason !== undefined) result.reason = reason;
  const customerId = text(search['customerId'], 128);
  if (customerId !== undefined) result.customerId = customerId;
  return result;
}
