// @billing/accounts-domain — the pure accounts context: agents, customer profiles, customers and
// batches as deciders, their rules and rejections, and the mapping to integration events.
export * from './agent/index.js';
export * from './customer-profile/index.js';
export * from './customer/index.js';
export * from './batch/index.js';
export * from './sip-user/index.js';
export * from './trunk/index.js';
export * from './features/index.js';
export type { AccountsEvent, AccountsEventType } from './accounts-event.js';
export { ACCOUNTS_EVENT_TYPES, decodeAccountsEvent, encodeAccountsEvent, isAccountsEventType } from './codec/accounts-event-codec.js';
export { toIntegrationEvent, type AccountsIntegrationShape } from './integration/to-integration.js';
export { checkAgentBillingPolicy, checkAgentCreditTotal, type AgentCreditTotalRequest, type CustomerTermsRequest, type RateSheetFacts } from './policy/agent-billing-policy.js';
export { rejections } from './rejections.js';
export { actorOf, isAgent, isItc, type Actor, type ActorRole } from './shared/actor.js';
export type { Audit, CommandMeta } from './shared/command-meta.js';
export * from './shared/limits.js';
export { BILLING_TYPES, type BillingTerms, type BillingType, type CustomerTerms, type ProfileTerms } from './terms/billing-terms.js';
export * from './validation/index.js';
