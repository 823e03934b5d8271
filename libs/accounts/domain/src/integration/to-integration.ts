// Domain event → integration event (docs/ARCHITECTURE.md, Messaging): what other contexts may know, in the versioned
// wire shape of @billing/contracts (money and percent as decimal strings). Pure, so the relay
// only wires it: integrationEventFrom(recorded, toIntegrationEvent(decoded)).
// Not published: profile events (templates are internal; customers carry their own copy) and
// SipPasswordChanged (credentials never leave the accounts service).
import {
  AGENT_COMMISSION_CHANGED_V1,
  AGENT_CONTACT_CHANGED_V1,
  AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1,
  AGENT_RATE_SHEET_CHANGED_V1,
  AGENT_REGISTERED_V1,
  AGENT_STATUS_CHANGED_V1,
  BATCH_OPENED_V1,
  CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1,
  CUSTOMER_CALLER_IDS_CHANGED_V1,
  CUSTOMER_CREDIT_LIMIT_CHANGED_V1,
  CUSTOMER_FEATURES_CHANGED_V1,
  CUSTOMER_FOLLOW_ME_CHANGED_V1,
  CUSTOMER_OPENED_V1,
  CUSTOMER_RATE_SHEET_CHANGED_V1,
  CUSTOMER_SETTINGS_CHANGED_V1,
  CUSTOMER_STATUS_CHANGED_V1,
  SIP_USER_CHANGED_V1,
  TRUNK_ADDRESS_CHANGED_V1,
  type AccountsEventDataV1,
  type AccountsEventTypeV1,
} from '@billing/contracts';
import { formatMoney, formatPercent } from '@billing/money';
import type { AccountsEvent } from '../accounts-event.js';
import type { Audit } from '../shared/command-meta.js';
import { pickFeatures } from '../features/check-features.js';
import type { CustomerFeatures } from '../features/features.types.js';

/** The fields an integration event's envelope takes from the mapper (IntegrationEventShape), typed per event. */
export type AccountsIntegrationShape = { [T in AccountsEventTypeV1]: IntegrationShapeOf<T> }[AccountsEventTypeV1];

interface IntegrationShapeOf<T extends AccountsEventTypeV1> {
  type: T;
  schemaVersion: number;
  aggregateId: string;
  occurredAt: string;
  data: AccountsEventDataV1<T>;
}

/** The integration event of `event`, or null when it stays inside the accounts service. */
export function toIntegrationEvent(event: AccountsEvent): AccountsIntegrationShape | null {
  switch (event.type) {
    case 'AgentRegistered':
      return shape(AGENT_REGISTERED_V1, event.agentId, event, {
        agentId: event.agentId,
        name: event.name,
        contactEmail: event.contactEmail,
        commissionPercent: formatPercent(event.commissionMicroPercent),
        rateSheetId: event.rateSheetId,
        lowBalanceThreshold: formatMoney(event.lowBalanceThresholdMicros),
      });
    case 'AgentCommissionChanged':
      return shape(AGENT_COMMISSION_CHANGED_V1, event.agentId, event, {
        agentId: event.agentId,
        previousCommissionPercent: formatPercent(event.previousCommissionMicroPercent),
        commissionPercent: formatPercent(event.commissionMicroPercent),
      });
    case 'AgentRateSheetChanged':
      return shape(AGENT_RATE_SHEET_CHANGED_V1, event.agentId, event, {
        agentId: event.agentId,
        previousRateSheetId: event.previousRateSheetId,
        rateSheetId: event.rateSheetId,
      });
    case 'AgentContactUpdated':
      return shape(AGENT_CONTACT_CHANGED_V1, event.agentId, event, { agentId: event.agentId, name: event.name, contactEmail: event.contactEmail });
    case 'AgentLowBalanceThresholdChanged':
      return shape(AGENT_LOW_BALANCE_THRESHOLD_CHANGED_V1, event.agentId, event, {
        agentId: event.agentId,
        previousLowBalanceThreshold: formatMoney(event.previousLowBalanceThresholdMicros),
        lowBalanceThreshold: formatMoney(event.lowBalanceThresholdMicros),
      });
    case 'AgentSuspended':
      return shape(AGENT_STATUS_CHANGED_V1, event.agentId, event, { agentId: event.agentId, status: 'suspended', reason: event.reason });
    case 'AgentReactivated':
      return shape(AGENT_STATUS_CHANGED_V1, event.agentId, event, { agentId: event.agentId, status: 'active', reason: null });
    // ITC's limits on an agent are accounts' own rules (checked here, before a customer gets terms)
    case 'AgentMaxCustomerCreditLimitChanged':
    case 'AgentMaxTotalCustomerCreditChanged':
    case 'AgentCallerIdPolicyChanged':
    case 'CustomerProfileCreated':
    case 'CustomerProfileUpdated':
    case 'CustomerProfileArchived':
    case 'CustomerProfileSipUsersChanged':
    case 'CustomerProfileFeaturesChanged':
      return null;
    // rating refuses calls a missing feature forbids, judged by the set in force at the call's start
    case 'CustomerFeaturesChanged':
      return shape(CUSTOMER_FEATURES_CHANGED_V1, event.customerId, event, { customerId: event.customerId, ...featuresOf(event), effectiveFrom: event.occurredAt });
    case 'CustomerOpened':
      return shape(CUSTOMER_OPENED_V1, event.customerId, event, {
        customerId: event.customerId,
        accountNumber: event.accountNumber,
        agentId: event.agentId,
        profileId: event.profileId,
        batchId: event.batchId,
        billingType: event.billingType,
        creditLimit: event.creditLimitMicros === null ? null : formatMoney(event.creditLimitMicros),
        initialBalance: formatMoney(event.initialBalanceMicros),
        initialBalanceSource: event.initialBalanceSource,
        lowBalanceThreshold: formatMoney(event.lowBalanceThresholdMicros),
        rateSheetId: event.rateSheetId,
        maxConcurrentCalls: event.maxConcurrentCalls,
        maxCallDurationSeconds: event.maxCallDurationSeconds,
        language: event.language,
        contactEmail: event.contactEmail,
        lowBalanceEmailEnabled: event.lowBalanceEmailEnabled,
        sipUsername: event.sipUsername,
        ...(event.features === undefined ? {} : { features: featuresOf(event.features) }),
      });
    case 'CustomerSuspended':
      return shape(CUSTOMER_STATUS_CHANGED_V1, event.customerId, event, { customerId: event.customerId, status: 'suspended', reason: event.reason });
    case 'CustomerReactivated':
      return shape(CUSTOMER_STATUS_CHANGED_V1, event.customerId, event, { customerId: event.customerId, status: 'active', reason: null });
    case 'CustomerClosed':
      return shape(CUSTOMER_STATUS_CHANGED_V1, event.customerId, event, { customerId: event.customerId, status: 'closed', reason: event.reason });
    // the approved numbers: the only CallerIDs rating and the switch see
    case 'CallerIdAdded':
    case 'CallerIdApproved':
    case 'CallerIdRemoved':
    case 'DefaultCallerIdChosen':
      return shape(CUSTOMER_CALLER_IDS_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        callerIds: [...event.callerIds],
        defaultCallerId: event.defaultCallerId,
      });
    // the pending numbers, for the pages that show requests (another type: rating never reads them)
    case 'CallerIdRequested':
    case 'CallerIdRejected':
      return shape(CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        callerId: event.callerId,
        change: event.type === 'CallerIdRequested' ? 'requested' : 'refused',
        pendingCallerIds: [...event.pendingCallerIds],
      });
    case 'FollowMeChanged':
      return shape(CUSTOMER_FOLLOW_ME_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        enabled: event.enabled,
        targets: event.targets.map(({ destination, ringSeconds }) => ({ destination, ringSeconds })),
      });
    case 'CustomerSettingsChanged':
      return shape(CUSTOMER_SETTINGS_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        lowBalanceThreshold: formatMoney(event.lowBalanceThresholdMicros),
        contactEmail: event.contactEmail,
        language: event.language,
        lowBalanceEmailEnabled: event.lowBalanceEmailEnabled,
      });
    case 'CustomerRateSheetChanged':
      return shape(CUSTOMER_RATE_SHEET_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        previousRateSheetId: event.previousRateSheetId,
        rateSheetId: event.rateSheetId,
      });
    case 'CustomerCreditLimitChanged':
      return shape(CUSTOMER_CREDIT_LIMIT_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        previousCreditLimit: formatMoney(event.previousCreditLimitMicros),
        creditLimit: formatMoney(event.creditLimitMicros),
      });
    case 'SipPasswordChanged':
    case 'SipUserPasswordChanged':
      return null;
    // rating resolves calls by any user of the account and enforces each user's own limit
    case 'SipUserAdded':
    case 'SipUserChanged':
      return shape(SIP_USER_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        sipUsername: event.sipUsername,
        status: event.status,
        maxConcurrentCalls: event.maxConcurrentCalls,
      });
    case 'SipUserRemoved':
      return shape(SIP_USER_CHANGED_V1, event.customerId, event, { customerId: event.customerId, sipUsername: event.sipUsername, status: 'removed', maxConcurrentCalls: null });
    // rating resolves a call that names no account nor user by the address it came from
    case 'TrunkAddressAdded':
    case 'TrunkAddressRemoved':
      return shape(TRUNK_ADDRESS_CHANGED_V1, event.customerId, event, {
        customerId: event.customerId,
        network: event.network,
        techPrefix: event.techPrefix,
        status: event.type === 'TrunkAddressAdded' ? 'active' : 'removed',
      });
    case 'BatchOpened':
      return shape(BATCH_OPENED_V1, event.batchId, event, {
        batchId: event.batchId,
        profileId: event.profileId,
        agentId: event.agentId,
        count: event.count,
        customers: event.customers.map(({ customerId, accountNumber }) => ({ customerId, accountNumber })),
      });
  }
}

/** Envelope fields plus data; the audit fields of the domain event go into the data too. */
function shape<T extends AccountsEventTypeV1>(
  contract: { type: T; schemaVersion: number },
  aggregateId: string,
  audit: Audit,
  data: Omit<AccountsEventDataV1<T>, 'actor' | 'occurredAt'>,
): IntegrationShapeOf<T> {
  // Omit<X, K> & Pick<X, K> is X, which TypeScript cannot see through a generic T.
  const complete = { ...data, actor: audit.actor, occurredAt: audit.occurredAt } as AccountsEventDataV1<T>;
  return { type: contract.type, schemaVersion: contract.schemaVersion, aggregateId, occurredAt: audit.occurredAt, data: complete };
}

/** The feature fields only, with a mutable copy of the prefix list (the wire type is not readonly). */
function featuresOf(source: CustomerFeatures) {
  const features = pickFeatures(source);
  return { ...features, premiumPrefixes: [...features.premiumPrefixes] };
}
