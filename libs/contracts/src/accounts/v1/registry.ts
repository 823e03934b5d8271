// The accounts context's published events, version 1: envelope `type` → data schema. Topic:
// accounts.events.v1. Consumers parse with it; the accounts relay's mapper is typed by it.
import type { z } from 'zod';
import { topicFor } from '../../envelope.js';
import { AGENT_COMMISSION_CHANGED_V1, AgentCommissionChangedV1 } from './agent-commission-changed.js';
import { AGENT_CONTACT_CHANGED_V1, AgentContactChangedV1 } from './agent-contact-changed.js';
import { AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1, AgentLowBalanceThresholdChangedV1 } from './agent-low-balance-threshold-changed.js';
import { AGENT_RATE_SHEET_CHANGED_V1, AgentRateSheetChangedV1 } from './agent-rate-sheet-changed.js';
import { AGENT_REGISTERED_V1, AgentRegisteredV1 } from './agent-registered.js';
import { AGENT_STATUS_CHANGED_V1, AgentStatusChangedV1 } from './agent-status-changed.js';
import { BATCH_OPENED_V1, BatchOpenedV1 } from './batch-opened.js';
import { CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1, CustomerCallerIdRequestsChangedV1 } from './customer-caller-id-requests-changed.js';
import { CUSTOMER_CALLER_IDS_CHANGED_V1, CustomerCallerIdsChangedV1 } from './customer-caller-ids-changed.js';
import { CUSTOMER_CREDIT_LIMIT_CHANGED_V1, CustomerCreditLimitChangedV1 } from './customer-credit-limit-changed.js';
import { CUSTOMER_FEATURES_CHANGED_V1, CustomerFeaturesChangedV1 } from './customer-features-changed.js';
import { CUSTOMER_FOLLOW_ME_CHANGED_V1, CustomerFollowMeChangedV1 } from './customer-follow-me-changed.js';
import { CUSTOMER_OPENED_V1, CustomerOpenedV1 } from './customer-opened.js';
import { CUSTOMER_RATE_SHEET_CHANGED_V1, CustomerRateSheetChangedV1 } from './customer-rate-sheet-changed.js';
import { CUSTOMER_SETTINGS_CHANGED_V1, CustomerSettingsChangedV1 } from './customer-settings-changed.js';
import { CUSTOMER_STATUS_CHANGED_V1, CustomerStatusChangedV1 } from './customer-status-changed.js';
import { SIP_USER_CHANGED_V1, SipUserChangedV1 } from './sip-user-changed.js';
import { TRUNK_ADDRESS_CHANGED_V1, TrunkAddressChangedV1 } from './trunk-address-changed.js';

/** Where the accounts service publishes; key = the aggregate id (agent, customer or batch id). */
export const ACCOUNTS_EVENTS_TOPIC = topicFor('accounts');
export const ACCOUNTS_EVENTS_SCHEMA_VERSION = 1;

export const accountsEventsV1 = {
  [AGENT_REGISTERED_V1.type]: AgentRegisteredV1,
  [AGENT_COMMISSION_CHANGED_V1.type]: AgentCommissionChangedV1,
  [AGENT_RATE_SHEET_CHANGED_V1.type]: AgentRateSheetChangedV1,
  [AGENT_STATUS_CHANGED_V1.type]: AgentStatusChangedV1,
  [AGENT_CONTACT_CHANGED_V1.type]: AgentContactChangedV1,
  [AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1.type]: AgentLowBalanceThresholdChangedV1,
  [CUSTOMER_OPENED_V1.type]: CustomerOpenedV1,
  [CUSTOMER_STATUS_CHANGED_V1.type]: CustomerStatusChangedV1,
  [CUSTOMER_SETTINGS_CHANGED_V1.type]: CustomerSettingsChangedV1,
  [CUSTOMER_CALLER_IDS_CHANGED_V1.type]: CustomerCallerIdsChangedV1,
  [CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1.type]: CustomerCallerIdRequestsChangedV1,
  [CUSTOMER_FOLLOW_ME_CHANGED_V1.type]: CustomerFollowMeChangedV1,
  [CUSTOMER_RATE_SHEET_CHANGED_V1.type]: CustomerRateSheetChangedV1,
  [CUSTOMER_CREDIT_LIMIT_CHANGED_V1.type]: CustomerCreditLimitChangedV1,
  [BATCH_OPENED_V1.type]: BatchOpenedV1,
  [CUSTOMER_FEATURES_CHANGED_V1.type]: CustomerFeaturesChangedV1,
  [SIP_USER_CHANGED_V1.type]: SipUserChangedV1,
  [TRUNK_ADDRESS_CHANGED_V1.type]: TrunkAddressChangedV1,
} as const;

export type AccountsEventTypeV1 = keyof typeof accountsEventsV1;
export type AccountsEventDataV1<T extends AccountsEventTypeV1> = z.infer<(typeof accountsEventsV1)[T]>;

/** A consumed accounts event, typed per event type. */
export type AccountsIntegrationEventV1 = { [T in AccountsEventTypeV1]: { type: T; data: AccountsEventDataV1<T> } }[AccountsEventTypeV1];

export function isAccountsEventTypeV1(type: string): type is AccountsEventTypeV1 {
  return Object.prototype.hasOwnProperty.call(accountsEventsV1, type);
}

/** Validates a consumed accounts event's data; throws (ZodError, or Error for an unknown type). */
export function parseAccountsEventV1(type: string, data: unknown): AccountsIntegrationEventV1 {
  if (!isAccountsEventTypeV1(type)) throw new Error(`not an accounts v1 event type: "${type}"`);
  return { type, data: accountsEventsV1[type].parse(data) } as AccountsIntegrationEventV1;
}
