// The wallet's domain events. Each event belongs to exactly one account stream (`accountId`);
// a movement across accounts is several events, one per stream, decided together and appended
// atomically. Every event carries the holder's agent (`agentId`, null for an ITC-direct
// customer) so that integration events and reports need no lookup. Money events carry
// `balanceAfterMicros`: evolve asserts it, so a ledger line is complete on its own.
import type {
  AccountKind,
  AgentMainAccountId,
  CommissionAccountId,
  CustomerAccountId,
  FundingAccountId,
  LedgerAccountId,
} from './accounts/account-id.js';
import type { BillingType } from './accounts/account-state.js';
import type { DepositSource } from './deposits/deposit-source.js';

interface EventBase<Account extends LedgerAccountId> {
  readonly accountId: Account;
  readonly agentId: string | null;
  /** who caused it (`admin:<id>`, `agent:<id>`, `customer:<id>`, `system`), from the command. */
  readonly actor: string;
  /** business time from the command (ISO 8601). */
  readonly occurredAt: string;
}

// ── lifecycle and settings ─────────────────────────────────────────────────────────────────────

export interface AccountOpened extends EventBase<LedgerAccountId> {
  readonly type: 'AccountOpened';
  readonly kind: AccountKind;
  readonly billingType: BillingType;
  readonly creditLimitMicros: bigint;
  readonly lowBalanceThresholdMicros: bigint;
}

export interface LowBalanceThresholdChanged extends EventBase<AgentMainAccountId | CustomerAccountId> {
  readonly type: 'LowBalanceThresholdChanged';
  readonly lowBalanceThresholdMicros: bigint;
}

export interface CreditLimitChanged extends EventBase<CustomerAccountId> {
  readonly type: 'CreditLimitChanged';
  readonly creditLimitMicros: bigint;
}

export interface AccountClosed extends EventBase<LedgerAccountId> {
  readonly type: 'AccountClosed';
}

// ── deposits ──────────────────────────────────────────────────────────────────────────────────

/** Money from outside: posted against `fundingAccount`. */
export interface FundsDeposited extends EventBase<AgentMainAccountId | CustomerAccountId> {
  readonly type: 'FundsDeposited';
  readonly depositId: string;
  readonly amountMicros: bigint;
  readonly source: DepositSource;
  readonly fundingAccount: FundingAccountId;
  /** accrued for the customer's agent in the same transaction (CommissionAccrued); 0 for agents. */
  readonly commissionMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

export type ReversalReason = 'refund' | 'chargeback' | 'correction';

/** A deposit taken back (refund, chargeback, ITC's correction): a fact, recorded even below the floor. */
export interface DepositReversed extends EventBase<AgentMainAccountId | CustomerAccountId> {
  readonly type: 'DepositReversed';
  readonly depositId: string;
  readonly amountMicros: bigint;
  readonly reason: ReversalReason;
  readonly fundingAccount: FundingAccountId;
  readonly balanceAfterMicros: bigint;
}

// ── agent → customer transfers ─────────────────────────────────────────────────────────────────

export interface TransferredOut extends EventBase<AgentMainAccountId> {
  readonly type: 'TransferredOut';
  readonly transferId: string;
  readonly customerId: string;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
  /** the agent's reference, when it gave one (absent in transfers without one). */
  readonly reference?: string;
  /** the funding of an opening the agent committed when it was reserved: a fact, recorded even below the floor. */
  readonly fundsOpening?: true;
}

export interface TransferredIn extends EventBase<CustomerAccountId> {
  readonly type: 'TransferredIn';
  readonly transferId: string;
  readonly amountMicros: bigint;
  /** accrued for the agent in the same transaction (a transfer is a deposit for the customer). */
  readonly commissionMicros: bigint;
  readonly balanceAfterMicros: bigint;
  /** the agent's reference, when it gave one. */
  readonly reference?: string;
}

// ── commissions ─────────────────────────────────────────────────────────────────────────────────

export type CommissionCause = { readonly kind: 'deposit'; readonly depositId: string } | { readonly kind: 'transfer'; readonly transferId: string };

export interface CommissionAccrued extends EventBase<CommissionAccountId> {
  readonly type: 'CommissionAccrued';
  readonly customerId: string;
  readonly cause: CommissionCause;
  /** the deposited amount the commission was computed on. */
  readonly baseAmountMicros: bigint;
  /** the agent's rate in force at the deposit (12.5 % = 12_500_000n). */
  readonly commissionMicroPercent: bigint;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

/** The part of a reversed deposit's commission still on the commission balance. */
export interface CommissionReversed extends EventBase<CommissionAccountId> {
  readonly type: 'CommissionReversed';
  readonly customerId: string;
  readonly depositId: string;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

/** The rest of a reversed deposit's commission, which the agent had already moved to its main balance. */
export interface CommissionClawedBack extends EventBase<AgentMainAccountId> {
  readonly type: 'CommissionClawedBack';
  readonly customerId: string;
  readonly depositId: string;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

export interface CommissionTransferredOut extends EventBase<CommissionAccountId> {
  readonly type: 'CommissionTransferredOut';
  readonly commissionTransferId: string;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

export interface CommissionTransferredIn extends EventBase<AgentMainAccountId> {
  readonly type: 'CommissionTransferredIn';
  readonly commissionTransferId: string;
  readonly amountMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

// ── holds and call charges (customer accounts) ─────────────────────────────────────────────────

export interface HoldPlaced extends EventBase<CustomerAccountId> {
  readonly type: 'HoldPlaced';
  readonly callId: string;
  readonly requestedMicros: bigint;
  /** min(requested, available) > 0. */
  readonly grantedMicros: bigint;
  readonly expiresAt: string;
}

/** The call's real cost, charged in full even above the hold (the call happened); the rest is released. */
export interface HoldSettled extends EventBase<CustomerAccountId> {
  readonly type: 'HoldSettled';
  readonly callId: string;
  readonly heldMicros: bigint;
  readonly costMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

/** A call charged without an open hold (a CDR without authorization, or after its hold expired). */
export interface CallCharged extends EventBase<CustomerAccountId> {
  readonly type: 'CallCharged';
  readonly callId: string;
  readonly costMicros: bigint;
  readonly balanceAfterMicros: bigint;
}

export interface HoldReleased extends EventBase<CustomerAccountId> {
  readonly type: 'HoldReleased';
  readonly callId: string;
  readonly heldMicros: bigint;
}

export interface HoldExpired extends EventBase<CustomerAccountId> {
  readonly type: 'HoldExpired';
  readonly callId: string;
  readonly heldMicros: bigint;
  readonly expiresAt: string;
}

// ── initial-balance reservations (agent main accounts; no postings: nothing moves) ─────────────────

/** Money of the agent set aside for a customer being opened with an initial balance it funds. */
export interface InitialBalanceReserved extends EventBase<AgentMainAccountId> {
  readonly type: 'InitialBalanceReserved';
  readonly customerId: string;
  readonly amountMicros: bigint;
  readonly expiresAt: string;
}

/**
 * The reservation is over: `funded` (the transfer to the opened customer used it, in the same
 * decision), `released` (the opening failed; accounts said so) or `expired` (no opening followed).
 */
export interface InitialBalanceReservationEnded extends EventBase<AgentMainAccountId> {
  readonly type: 'InitialBalanceReservationEnded';
  readonly customerId: string;
  readonly amountMicros: bigint;
  readonly reason: 'funded' | 'released' | 'expired';
}

// ── low balance ──────────────────────────────────────────────────────────────────────────────────

/** A debit took the balance from at or above the threshold to below it; once per crossing. */
export interface LowBalanceCrossed extends EventBase<AgentMainAccountId | CustomerAccountId> {
  readonly type: 'LowBalanceCrossed';
  readonly balanceMicros: bigint;
  readonly lowBalanceThresholdMicros: bigint;
}

export type WalletEvent =
  | AccountOpened
  | LowBalanceThresholdChanged
  | CreditLimitChanged
  | AccountClosed
  | FundsDeposited
  | DepositReversed
  | TransferredOut
  | TransferredIn
  | CommissionAccrued
  | CommissionReversed
  | CommissionClawedBack
  | CommissionTransferredOut
  | CommissionTransferredIn
  | HoldPlaced
  | HoldSettled
  | CallCharged
  | HoldReleased
  | HoldExpired
  | InitialBalanceReserved
  | InitialBalanceReservationEnded
  | LowBalanceCrossed;

export type WalletEventType = WalletEvent['type'];

/** Which account kinds each event may be recorded on; evolve asserts it. */
export const EVENT_ACCOUNT_KINDS: { readonly [T in WalletEventType]: readonly AccountKind[] } = {
  AccountOpened: ['agent-main', 'agent-commission', 'customer'],
  LowBalanceThresholdChanged: ['agent-main', 'customer'],
  CreditLimitChanged: ['customer'],
  AccountClosed: ['agent-main', 'agent-commission', 'customer'],
  FundsDeposited: ['agent-main', 'customer'],
  DepositReversed: ['agent-main', 'customer'],
  TransferredOut: ['agent-main'],
  TransferredIn: ['customer'],
  CommissionAccrued: ['agent-commission'],
  CommissionReversed: ['agent-commission'],
  CommissionClawedBack: ['agent-main'],
  CommissionTransferredOut: ['agent-commission'],
  CommissionTransferredIn: ['agent-main'],
  HoldPlaced: ['customer'],
  HoldSettled: ['customer'],
  CallCharged: ['customer'],
  HoldReleased: ['customer'],
  HoldExpired: ['customer'],
  InitialBalanceReserved: ['agent-main'],
  InitialBalanceReservationEnded: ['agent-main'],
  LowBalanceCrossed: ['agent-main', 'customer'],
};

export const WALLET_EVENT_TYPES = Object.keys(EVENT_ACCOUNT_KINDS) as WalletEventType[];
