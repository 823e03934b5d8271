// How a call is priced, resolved by the service at the call's start and passed into the call
// decider: who owns it and which row of which version applies, or why it cannot be rated.
// resolvePricing holds the order of the reasons, so authorization and CDR rating agree.
import { normaliseDestination } from '../numbers/normalise-destination.js';
import { findRate, type RateTable } from '../lookup/rate-table.js';
import type { RateRow, SheetRounding } from '../sheet/rate-row.js';
import type { OwnerRefusal } from './call-owner.js';
import type { SourceAddressRefusal } from './source-address.js';

export const UNRATED_REASONS = [
  'unknown_account',
  'account_mismatch',
  // a call that names no account nor user, from an address no trunk holds / that several accounts share (source-address.ts)
  'unknown_source_address',
  'ambiguous_source_address',
  'account_suspended',
  'account_closed',
  'invalid_destination',
  'no_rate_sheet',
  'no_rate',
] as const;
export type UnratedReason = (typeof UNRATED_REASONS)[number];

/**
 * What the call costs its agent: the row for the number on the sheet ITC assigned to the agent,
 * in force at the call's start, with that sheet's rounding — the agent's cost of the call, whose
 * difference to the customer's price is the agent's margin.
 */
export interface AgentPrice {
  readonly sheetId: string;
  readonly versionId: string;
  readonly row: RateRow;
  readonly rounding: SheetRounding;
}

export type CallPricing =
  | {
      readonly kind: 'priced';
      readonly customerId: string;
      readonly agentId: string | null;
      readonly sheetId: string;
      readonly versionId: string;
      readonly row: RateRow;
      readonly rounding: SheetRounding;
      /** the agent's price of the call; null or absent = not known (ITC-direct, or the agent's sheet has no rate for it). */
      readonly agentPrice?: AgentPrice | null;
    }
  | { readonly kind: 'unpriced'; readonly customerId: string | null; readonly agentId: string | null; readonly reason: UnratedReason };

export interface PricingCustomer {
  readonly customerId: string;
  readonly agentId: string | null;
  readonly status: 'active' | 'suspended' | 'closed';
}

/** The sheet version in force at the call's start, as built in memory (a derived sheet: its marked-up table). */
export interface PricingTariff {
  readonly sheetId: string;
  readonly versionId: string;
  readonly table: RateTable;
}

/**
 * The first reason that applies, in this order: unknown_account, account_mismatch (callOwner),
 * unknown_source_address, ambiguous_source_address (resolveSourceAddress),
 * account_closed, account_suspended, invalid_destination, no_rate_sheet (no version in force),
 * no_rate (no prefix). `customer`: the call's owner as callOwner resolved it (null = unknown).
 */
export function resolvePricing(customer: PricingCustomer | OwnerRefusal | SourceAddressRefusal | null, destination: string, tariff: PricingTariff | null): CallPricing {
  if (customer === null || customer === 'unknown_account') return { kind: 'unpriced', customerId: null, agentId: null, reason: 'unknown_account' };
  // attributed to neither customer: the call is kept for ITC, no one is charged
  if (typeof customer === 'string') return { kind: 'unpriced', customerId: null, agentId: null, reason: customer };
  const owner = { customerId: customer.customerId, agentId: customer.agentId };
  if (customer.status === 'closed') return { kind: 'unpriced', ...owner, reason: 'account_closed' };
  if (customer.status === 'suspended') return { kind: 'unpriced', ...owner, reason: 'account_suspended' };
  const number = normaliseDestination(destination);
  if (!number.ok) return { kind: 'unpriced', ...owner, reason: 'invalid_destination' };
  if (tariff === null) return { kind: 'unpriced', ...owner, reason: 'no_rate_sheet' };
  const row = findRate(tariff.table, number.digits);
  if (row === null) return { kind: 'unpriced', ...owner, reason: 'no_rate' };
  return { kind: 'priced', ...owner, sheetId: tariff.sheetId, versionId: tariff.versionId, row, rounding: tariff.table.rounding };
}
