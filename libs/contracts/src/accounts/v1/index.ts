export { AGENT_COMMISSION_CHANGED_V1, AgentCommissionChangedV1 } from './agent-commission-changed.js';
export { AGENT_CONTACT_CHANGED_V1, AgentContactChangedV1 } from './agent-contact-changed.js';
export { AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1, AgentLowBalanceThresholdChangedV1 } from './agent-low-balance-threshold-changed.js';
export { AGENT_RATE_SHEET_CHANGED_V1, AgentRateSheetChangedV1 } from './agent-rate-sheet-changed.js';
export { AGENT_REGISTERED_V1, AgentRegisteredV1 } from './agent-registered.js';
export { AGENT_STATUS_CHANGED_V1, AgentStatusChangedV1 } from './agent-status-changed.js';
export { BATCH_OPENED_V1, BatchOpenedV1 } from './batch-opened.js';
export { CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1, CustomerCallerIdRequestsChangedV1 } from './customer-caller-id-requests-changed.js';
export { CUSTOMER_CALLER_IDS_CHANGED_V1, CustomerCallerIdsChangedV1 } from './customer-caller-ids-changed.js';
export { CUSTOMER_CREDIT_LIMIT_CHANGED_V1, CustomerCreditLimitChangedV1 } from './customer-credit-limit-changed.js';
export { CUSTOMER_FEATURES_CHANGED_V1, CustomerFeaturesChangedV1, CustomerFeaturesV1 } from './customer-features-changed.js';
export { CUSTOMER_FOLLOW_ME_CHANGED_V1, CustomerFollowMeChangedV1 } from './customer-follow-me-changed.js';
export { CUSTOMER_OPENED_V1, CustomerOpenedV1 } from './customer-opened.js';
export {
  ACCOUNTS_HISTORY_API_PATH,
  ACCOUNTS_HISTORY_PAGE_SIZE,
  AccountsHistoryQueryV1,
  AccountsHistoryResponseV1,
  readAccountsHistory,
  type AccountsHistoryKeyV1,
  type AccountsHistoryPort,
} from './history-api.js';
export { AccountsCatchUpRequestV1, AccountsCatchUpResponseV1, MAX_CATCH_UP_EVENTS, MAX_CATCH_UP_STREAMS, MAX_CATCH_UP_WITHIN_MS, RATING_ACCOUNTS_CATCH_UP_API_PATH, WALLET_ACCOUNTS_CATCH_UP_API_PATH, type AccountsCatchUpPort } from './catch-up-api.js';
export { CUSTOMER_RATE_SHEET_CHANGED_V1, CustomerRateSheetChangedV1 } from './customer-rate-sheet-changed.js';
export { CUSTOMER_SETTINGS_CHANGED_V1, CustomerSettingsChangedV1 } from './customer-settings-changed.js';
export { CUSTOMER_STATUS_CHANGED_V1, CustomerStatusChangedV1 } from './customer-status-changed.js';
export { SIP_USER_CHANGED_V1, SipUserChangedV1 } from './sip-user-changed.js';
export { TRUNK_ADDRESS_CHANGED_V1, TrunkAddressChangedV1 } from './trunk-address-changed.js';
export {
  ACCOUNTS_EVENTS_SCHEMA_VERSION,
  ACCOUNTS_EVENTS_TOPIC,
  accountsEventsV1,
  isAccountsEventTypeV1,
  parseAccountsEventV1,
  type AccountsEventDataV1,
  type AccountsEventTypeV1,
  type AccountsIntegrationEventV1,
} from './registry.js';
