// @billing/accounts-service — the accounts context as a Nest module: agents, customer profiles,
// customers (single and batches), portal settings, the softswitch directory, and the relay that
// publishes accounts.events.v1. See README.md.
export { AccountsModule } from './accounts.module.js';
export { AGENT_FUNDS, RATE_SHEETS, type AccountsModuleOptions, type AgentFunds, type InitialBalanceReservation, type RateSheetCatalog } from './accounts.options.js';
export { RemoteAgentFunds, RemotePortsModule, RemoteRateSheets, RemoteRatingCatchUp, RemoteWalletCatchUp, type RemotePortsOptions } from './remote/remote-ports.js';
export { AccountsDatabase } from './infrastructure/accounts-database.js';
export { AccountsHistory } from './history/accounts-history.js';
export { AccountsRelay, accountsIntegrationMapper } from './infrastructure/accounts-relay.js';
export { rebuildReadModels, type RebuildReport } from './infrastructure/rebuild.js';
export { sipHa1 } from './application/generated-credentials.js';
