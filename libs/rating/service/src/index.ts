// @billing/rating-service — the rating context as a Nest module (issue 5): rate sheets (CSV/JSON
// import, versions, derived sheets, lookup), call authorization with wallet holds, CDR intake
// (native JSON, FreeSWITCH, Asterisk Master.csv), unrated calls and re-rating, call history, and the
// relay that publishes rating.events.v1. See README.md.
export { RatingModule } from './rating.module.js';
export { maxCallSecondsFromEnv, resolveRatingOptions, RATING_OPTIONS, WALLET_HOLDS, type RatingModuleOptions, type ResolvedRatingOptions, type WalletHolds } from './rating.options.js';
export { RatingDatabase } from './infrastructure/rating-database.js';
export { ratingIntegrationMapper } from './infrastructure/rating-relay.js';
export { CdrIntake, type CdrOutcome } from './calls/cdr-intake.service.js';
export { AuthorizationService, REFUSAL_REASONS, type AuthorizationAnswer, type AuthorizationRequest, type RefusalReason } from './calls/authorization.service.js';
export { RateSheetsService } from './sheets/rate-sheets.service.js';
export { RatingSheetCatalog } from './sheets/sheet-catalog.js';
export { RatingAccountsCatchUp } from './accounts/accounts-catch-up.js';
export { RateTables } from './sheets/rate-tables.js';
export { Tariffs } from './sheets/tariffs.js';
export { RemoteWalletHolds, RemoteWalletModule, type RemoteWalletOptions } from './wallet/remote-wallet-holds.js';
