// @billing/wallet-service — the wallet (issue 4): the ledger's command side (WalletCommands for
// money movements, WalletCalls for rating's holds and charges), its projections and their
// zero-downtime rebuild, the accounts consumer, the relay, the HTTP endpoints and the audit.
// See README.md beside this folder.
export { WalletModule } from './wallet.module.js';
export { resolveWalletOptions, WALLET_OPTIONS, type ResolvedWalletOptions, type WalletModuleOptions } from './wallet.options.js';
export { WalletCalls, DEFAULT_HOLD_TTL_MS, type CallCharge, type ChargeResult, type HoldResult } from './application/wallet-calls.service.js';
export {
  WalletCommands,
  type CommissionTransferResult,
  type DepositResult,
  type DepositTarget,
  type ReversalResult,
  type TransferResult,
} from './application/wallet-commands.service.js';
export { LedgerService, type ActorContext } from './application/ledger.service.js';
export { WalletAgentFunds } from './application/agent-funds.service.js';
export { HoldSweeper } from './application/hold-sweeper.js';
export { WalletQueries, type AgentOverview, type BalanceView, type LedgerLineView } from './queries/wallet-queries.js';
export { WalletProjections } from './projections/wallet-projections.js';
export type { ProjectionVersion } from './projections/projection-manager.js';
export { WalletDatabase } from './infrastructure/wallet-database.js';
export { runWalletAudit, type WalletAuditResult } from './audit/wallet-audit.js';
export { walletIntegrationEvent } from './relay/wallet-integration-mapper.js';
export { planAccountsEvent, initialFundingId, AgentNotKnownYet } from './consumers/accounts-plan.js';
export { RatingEventsConsumer } from './consumers/rating-events.consumer.js';
// accounts' catch-up port in process (AccountsModule `catchUps`)
export { AccountsCatchUp as WalletAccountsCatchUp } from './consumers/accounts-catch-up.js';
