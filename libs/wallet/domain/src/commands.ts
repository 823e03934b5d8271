// The wallet's commands. Money commands carry their own id (depositId, transferId,
// commissionTransferId, callId): deciding the same id again yields no events. Commands that touch
// another account than the one they name carry the ids needed to find it (e.g. the customer's
// agentId) so that `accountsInvolved(command)` knows every stream to load before deciding.
import type { AgentMainAccountId, CustomerAccountId, LedgerAccountId } from './accounts/account-id.js';
import type { BillingType } from './accounts/account-state.js';
import type { DepositSource } from './deposits/deposit-source.js';
import type { ReversalReason } from './events.js';
import type { CommandMeta } from './shared/command-meta.js';

// ── lifecycle and settings (from the accounts context's integration events) ─────────────────────

/** Opens the agent's main and commission accounts together. */
export interface OpenAgentAccounts {
  readonly type: 'OpenAgentAccounts';
  readonly agentId: string;
  readonly lowBalanceThresholdMicros: bigint;
  readonly meta: CommandMeta;
}

export interface OpenCustomerAccount {
  readonly type: 'OpenCustomerAccount';
  readonly customerId: string;
  /** null = an ITC-direct customer: no agent, no commission. */
  readonly agentId: string | null;
  readonly billingType: BillingType;
  /** postpaid: ≥ 0; prepaid: 0 (accounts' `null`). */
  readonly creditLimitMicros: bigint;
  readonly lowBalanceThresholdMicros: bigint;
  readonly meta: CommandMeta;
}

export interface ChangeLowBalanceThreshold {
  readonly type: 'ChangeLowBalanceThreshold';
  readonly accountId: AgentMainAccountId | CustomerAccountId;
  readonly lowBalanceThresholdMicros: bigint;
  readonly meta: CommandMeta;
}

export interface ChangeCreditLimit {
  readonly type: 'ChangeCreditLimit';
  readonly customerId: string;
  readonly creditLimitMicros: bigint;
  readonly meta: CommandMeta;
}

export interface CloseAccount {
  readonly type: 'CloseAccount';
  readonly accountId: LedgerAccountId;
  readonly meta: CommandMeta;
}

// ── deposits ──────────────────────────────────────────────────────────────────────────────────

/** ITC's manual deposit or an agent's card payment into the agent's main balance. */
export interface DepositToAgent {
  readonly type: 'DepositToAgent';
  readonly depositId: string;
  readonly agentId: string;
  readonly amountMicros: bigint;
  readonly source: DepositSource;
  readonly meta: CommandMeta;
}

/** ITC's manual deposit, a card top-up or an ITC-funded initial balance into a customer account. */
export interface DepositToCustomer {
  readonly type: 'DepositToCustomer';
  readonly depositId: string;
  readonly customerId: string;
  /** the customer's agent (null for an ITC-direct customer); must match the account. */
  readonly agentId: string | null;
  /** the agent's rate in force now (accounts' projection); ignored (use 0n) when agentId is null. */
  readonly agentCommissionMicroPercent: bigint;
  readonly amountMicros: bigint;
  readonly source: DepositSource;
  readonly meta: CommandMeta;
}

export interface ReverseDeposit {
  readonly type: 'ReverseDeposit';
  readonly depositId: string;
  /** the account the deposit went into. */
  readonly accountId: AgentMainAccountId | CustomerAccountId;
  /** the account's agent (null for an ITC-direct customer): its commission is reversed too. */
  readonly agentId: string | null;
  readonly reason: ReversalReason;
  readonly meta: CommandMeta;
}

// ── transfers ─────────────────────────────────────────────────────────────────────────────────

/** The agent moves money from its main balance into one of its customers (also an initial balance). */
export interface TransferToCustomer {
  readonly type: 'TransferToCustomer';
  readonly transferId: string;
  readonly agentId: string;
  readonly customerId: string;
  readonly amountMicros: bigint;
  /** the agent's own reference (its invoice or receipt number), kept on both ledger lines. */
  readonly reference?: string;
  /** the agent's rate in force now: a transfer is a deposit for the customer, so it accrues commission. */
  readonly agentCommissionMicroPercent: bigint;
  /**
   * true only for the funding of an agent-funded opening (the wallet's accounts consumer): accounts
   * answered 201 after reserving the amount, so the agent committed it then and the transfer is a
   * fact — moved even when a reversal or an expiry since leaves the agent unable to cover it (in_debt).
   */
  readonly fundsOpening?: true;
  readonly meta: CommandMeta;
}

/** Commission → the agent's main balance; `amountMicros: null` moves all of it. */
export interface TransferCommission {
  readonly type: 'TransferCommission';
  readonly commissionTransferId: string;
  readonly agentId: string;
  readonly amountMicros: bigint | null;
  readonly meta: CommandMeta;
}

// ── initial-balance reservations (accounts, before it opens a customer the agent funds) ─────────

/**
 * Sets the initial balance aside on the agent, keyed by the customer id (a retry is a no-op), so
 * that the CustomerOpened accounts appends next is certain to be funded. Refused when the agent
 * cannot cover it or is in debt.
 */
export interface ReserveInitialBalance {
  readonly type: 'ReserveInitialBalance';
  readonly agentId: string;
  readonly customerId: string;
  readonly amountMicros: bigint;
  readonly expiresAt: string;
  readonly meta: CommandMeta;
}

/** The opening failed after the reservation: give the money back to the agent (no-op if none). */
export interface ReleaseInitialBalance {
  readonly type: 'ReleaseInitialBalance';
  readonly agentId: string;
  readonly customerId: string;
  readonly meta: CommandMeta;
}

// ── holds and call charges ──────────────────────────────────────────────────────────────────────

/** Call authorization (docs/rating.md): grants min(requested, available); nothing available = rejected. */
export interface PlaceHold {
  readonly type: 'PlaceHold';
  readonly customerId: string;
  /** the hold's id: one hold per call. */
  readonly callId: string;
  readonly requestedMicros: bigint;
  readonly expiresAt: string;
  readonly meta: CommandMeta;
}

/**
 * The rated cost of a call. Settles the call's hold when one is open (releasing the rest), charges
 * without a hold otherwise (no authorization, or the hold expired first). This one command is both
 * "SettleHold" and "ChargeCall": rating cannot know whether the hold still exists.
 */
export interface ChargeCall {
  readonly type: 'ChargeCall';
  readonly customerId: string;
  readonly callId: string;
  readonly costMicros: bigint;
  readonly meta: CommandMeta;
}

export interface ReleaseHold {
  readonly type: 'ReleaseHold';
  readonly customerId: string;
  readonly callId: string;
  readonly meta: CommandMeta;
}

/** Expires every open hold of the customer whose expiresAt ≤ meta.now. */
export interface ExpireHolds {
  readonly type: 'ExpireHolds';
  readonly customerId: string;
  readonly meta: CommandMeta;
}

export type WalletCommand =
  | OpenAgentAccounts
  | OpenCustomerAccount
  | ChangeLowBalanceThreshold
  | ChangeCreditLimit
  | CloseAccount
  | DepositToAgent
  | DepositToCustomer
  | ReverseDeposit
  | TransferToCustomer
  | TransferCommission
  | ReserveInitialBalance
  | ReleaseInitialBalance
  | PlaceHold
  | ChargeCall
  | ReleaseHold
  | ExpireHolds;
