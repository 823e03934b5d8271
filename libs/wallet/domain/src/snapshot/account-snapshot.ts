// The snapshot form of an account state (docs/ARCHITECTURE.md, Event store: a customer with a million calls loads in
// milliseconds). Plain data for the event store's JSON codec (bigint is kept exact by the codec;
// Map and Set are not JSON, so they become entry arrays, in order). The state is bounded by
// design — open holds, a window of recent charges, human-scale deposits — so a snapshot stays
// small however long the account lives. Bump the schema version whenever the state shape changes:
// a snapshot of another version is ignored and the stream is replayed.
import { invariant } from '@billing/decider';
import type { AccountKind, LedgerAccountId } from '../accounts/account-id.js';
import type { AccountState, BillingType, DepositRecord, InitialBalanceReservation, OpenHold } from '../accounts/account-state.js';

// 2: agent reservations (InitialBalanceReserved) joined the state
export const ACCOUNT_SNAPSHOT_SCHEMA_VERSION = 2;

export type AccountSnapshot =
  | { readonly status: 'unopened'; readonly accountId: LedgerAccountId }
  | {
      readonly status: 'open' | 'closed';
      readonly accountId: LedgerAccountId;
      readonly kind: AccountKind;
      readonly agentId: string | null;
      readonly billingType: BillingType;
      readonly creditLimitMicros: bigint;
      readonly lowBalanceThresholdMicros: bigint;
      readonly lowBalanceArmed: boolean;
      readonly balanceMicros: bigint;
      readonly heldMicros: bigint;
      readonly holds: readonly (readonly [string, OpenHold])[];
      readonly recentChargedCallIds: readonly string[];
      readonly deposits: readonly (readonly [string, DepositRecord])[];
      readonly transfersIn: readonly (readonly [string, bigint])[];
      readonly commissionTransfers: readonly (readonly [string, bigint])[];
      readonly reservations: readonly (readonly [string, InitialBalanceReservation])[];
      readonly reservedMicros: bigint;
    };

export function toAccountSnapshot(state: AccountState): AccountSnapshot {
  if (state.status === 'unopened') return { status: 'unopened', accountId: state.accountId };
  return {
    ...state,
    holds: [...state.holds],
    recentChargedCallIds: [...state.recentChargedCallIds],
    deposits: [...state.deposits],
    transfersIn: [...state.transfersIn],
    commissionTransfers: [...state.commissionTransfers],
    reservations: [...state.reservations],
  };
}

export function fromAccountSnapshot(snapshot: AccountSnapshot): AccountState {
  if (snapshot.status === 'unopened') return { status: 'unopened', accountId: snapshot.accountId };
  const state = {
    ...snapshot,
    holds: new Map(snapshot.holds),
    recentChargedCallIds: [...snapshot.recentChargedCallIds],
    deposits: new Map(snapshot.deposits),
    transfersIn: new Map(snapshot.transfersIn),
    commissionTransfers: new Map(snapshot.commissionTransfers),
    reservations: new Map(snapshot.reservations),
  };
  let heldMicros = 0n;
  for (const hold of state.holds.values()) heldMicros += hold.grantedMicros;
  invariant(heldMicros === state.heldMicros, `snapshot of ${state.accountId}: holds sum to ${heldMicros}, heldMicros is ${state.heldMicros}`);
  let reservedMicros = 0n;
  for (const reservation of state.reservations.values()) reservedMicros += reservation.amountMicros;
  invariant(reservedMicros === state.reservedMicros, `snapshot of ${state.accountId}: reservations sum to ${reservedMicros}, reservedMicros is ${state.reservedMicros}`);
  return state;
}
