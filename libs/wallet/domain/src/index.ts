// @billing/wallet-domain — the ledger: pure deciders, postings, audit, snapshots, integration mapping.
// See README.md beside this folder for the decisions the service relies on.

// accounts and streams
export {
  accountIdOfStream,
  agentMainAccount,
  commissionAccount,
  customerAccount,
  holderIdOf,
  isLedgerAccountId,
  isSystemAccountId,
  kindOf,
  streamIdOf,
  SYSTEM_ACCOUNTS,
  type AccountKind,
  type AgentMainAccountId,
  type CommissionAccountId,
  type CustomerAccountId,
  type FundingAccountId,
  type LedgerAccountId,
  type PostingAccountId,
  type SystemAccountId,
} from './accounts/account-id.js';
export {
  availableMicros,
  debtBelowFloor,
  debtMicros,
  isLedgerAccount,
  isOpen,
  RECENT_CHARGED_CALLS,
  unopenedAccount,
  type AccountState,
  type BillingType,
  type DepositRecord,
  type InitialBalanceReservation,
  type LedgerAccount,
  type OpenHold,
  type UnopenedAccount,
} from './accounts/account-state.js';
export { evolveAccount } from './accounts/evolve-account.js';
export { INITIAL_BALANCE_RESERVATION_MS, moneyAt, type AccountMoney } from './reservations/initial-balance-reservation.decide.js';

// commands, events, rejections
export type * from './commands.js';
export type * from './events.js';
export { EVENT_ACCOUNT_KINDS, WALLET_EVENT_TYPES } from './events.js';
export { fundingAccountOf, type DepositSource } from './deposits/deposit-source.js';
export { rejections } from './rejections.js';
export type { Audit, CommandMeta } from './shared/command-meta.js';
export { COMMISSION_ROUNDING, commissionOf } from './commission/commission-of.js';

// deciding: one decider over the accounts a command involves
export { accountsInvolved } from './ledger/accounts-involved.js';
export { decideBatch, type BatchDecision, type BatchOutcome } from './ledger/decide-batch.js';
export { decideWallet } from './ledger/decide-wallet.js';
export { eventsByStream, type StreamEvents } from './ledger/events-by-stream.js';
export { accountIn, emptyLedger, evolveLedger, ledgerOf, type Ledger } from './ledger/ledger.js';
export { walletDecider } from './ledger/wallet-decider.js';

// double entry and audit
export { clearingMovementOf, postingsOf, type Posting } from './postings/postings-of.js';
export type { AuditProblem, AuditReport, ProjectedBalances } from './audit/audit-report.js';
export { auditWallet, WalletAuditor } from './audit/wallet-auditor.js';
export { formatAuditReport } from './audit/format-audit-report.js';

// snapshots and integration events
export { ACCOUNT_SNAPSHOT_SCHEMA_VERSION, fromAccountSnapshot, toAccountSnapshot, type AccountSnapshot } from './snapshot/account-snapshot.js';
export { toIntegrationEvent, type WalletIntegrationShape } from './integration/to-integration.js';
