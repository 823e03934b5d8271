// The state of one ledger account (= one stream), as evolve builds it. Everything in here is
// needed by a decision; anything only a report needs lives in a projection instead, so the state
// (and its snapshot) stays small however many calls the account has had.
import type { DepositSource } from '../deposits/deposit-source.js';
import type { AccountKind, FundingAccountId, LedgerAccountId } from './account-id.js';

export type BillingType = 'prepaid' | 'postpaid';

/**
 * Charged call ids remembered for deduplication. Bounded on purpose: an account with a million
 * calls cannot keep a million ids in every snapshot. The complete dedupe is upstream (the rating
 * service's call stream charges a call once, the consumer inbox drops redelivered messages); this
 * window catches a duplicate that slips through while the call is recent. See README.md.
 */
export const RECENT_CHARGED_CALLS = 256;

export interface OpenHold {
  readonly grantedMicros: bigint;
  /** ISO 8601 instant after which ExpireHolds releases the hold. */
  readonly expiresAt: string;
}

export interface DepositRecord {
  readonly amountMicros: bigint;
  /** what the deposit accrued for the customer's agent (0 for agent deposits and ITC-direct customers). */
  readonly commissionMicros: bigint;
  readonly fundingAccount: FundingAccountId;
  /** kept for idempotency: the same depositId with another amount or source is a reused id. */
  readonly source: DepositSource;
  readonly reversed: boolean;
}

/**
 * Agent main accounts: money set aside for a customer being opened with an initial balance the
 * agent funds (keyed by the customer id). It is not a movement (no postings): it only lowers what
 * the agent may move until the wallet funds the customer from it, accounts releases it (the
 * opening failed), or it expires (the opening never happened; see the reservations decider).
 */
export interface InitialBalanceReservation {
  readonly amountMicros: bigint;
  /** ISO 8601 instant after which the next decision on the agent's money releases it. */
  readonly expiresAt: string;
}

export interface UnopenedAccount {
  readonly status: 'unopened';
  readonly accountId: LedgerAccountId;
}

export interface LedgerAccount {
  readonly status: 'open' | 'closed';
  readonly accountId: LedgerAccountId;
  readonly kind: AccountKind;
  /** the agent itself for agent accounts; the owning agent of a customer, null for an ITC-direct customer. */
  readonly agentId: string | null;
  /** agent accounts are always prepaid with no credit. */
  readonly billingType: BillingType;
  /** postpaid: how far below zero balance − holds may go; prepaid: always 0. */
  readonly creditLimitMicros: bigint;
  /** ≥ 0; commission accounts have 0 (never crossed: their balance is never negative). */
  readonly lowBalanceThresholdMicros: bigint;
  /** true once the balance is at or above the threshold; a LowBalanceCrossed disarms it. */
  readonly lowBalanceArmed: boolean;
  readonly balanceMicros: bigint;
  /** sum of the open holds' granted amounts. */
  readonly heldMicros: bigint;
  /** open holds by call id: settled, released and expired holds are gone. */
  readonly holds: ReadonlyMap<string, OpenHold>;
  /** newest last, at most RECENT_CHARGED_CALLS. */
  readonly recentChargedCallIds: readonly string[];
  /** deposits into this account by depositId (human-scale: needed to reverse one and for idempotency). */
  readonly deposits: ReadonlyMap<string, DepositRecord>;
  /** customer accounts: transfers received by transferId → amount (the transfer's idempotency). */
  readonly transfersIn: ReadonlyMap<string, bigint>;
  /** commission accounts: commission transfers by commissionTransferId → amount. */
  readonly commissionTransfers: ReadonlyMap<string, bigint>;
  /** agent main accounts: open initial-balance reservations by customer id (few: openings in flight). */
  readonly reservations: ReadonlyMap<string, InitialBalanceReservation>;
  /** sum of the open reservations' amounts. */
  readonly reservedMicros: bigint;
}

export type AccountState = UnopenedAccount | LedgerAccount;

export function unopenedAccount(accountId: LedgerAccountId): UnopenedAccount {
  return { status: 'unopened', accountId };
}

/**
 * What a debit the system decides (transfer, commission transfer, hold, reservation) may still
 * take: prepaid `balance − holds − reservations`, postpaid `balance − holds + creditLimit`. The
 * invariant is `≥ 0`.
 */
export function availableMicros(account: LedgerAccount): bigint {
  return account.balanceMicros - account.heldMicros - account.reservedMicros + account.creditLimitMicros;
}

/**
 * How far facts (a call's cost beyond its hold, a CDR without authorization, a reversal of spent
 * money, a clawback) took the balance below its floor: prepaid and agents below 0, postpaid below
 * −creditLimit. Holds do not count: they are not spent yet. > 0 = the account is `in_debt`
 * (README.md, "Debt"): it may not authorize calls nor send money until deposits cover it.
 */
export function debtMicros(account: LedgerAccount): bigint {
  return debtBelowFloor(account.balanceMicros, account.creditLimitMicros);
}

/** The same rule on a balance and a credit limit (0 for prepaid and agents): what reads show. */
export function debtBelowFloor(balanceMicros: bigint, creditLimitMicros: bigint): bigint {
  const floorGapMicros = balanceMicros + creditLimitMicros;
  return floorGapMicros < 0n ? -floorGapMicros : 0n;
}

export function isOpen(account: AccountState): account is LedgerAccount & { status: 'open' } {
  return account.status === 'open';
}

export function isLedgerAccount(account: AccountState): account is LedgerAccount {
  return account.status !== 'unopened';
}
