import { invariant } from '@billing/decider';
import { assertBillingTerms } from '../terms/billing-terms.js';
import { evolveTrunkAddresses } from '../trunk/trunk-address.evolve.js';
import { evolveSipUsers, sipUserOfOpening, withUser } from '../sip-user/sip-user.evolve.js';
import { isValidAccountNumber } from '../validation/account-number.js';
import { checkFeatures, pickFeatures } from '../features/check-features.js';
import { DEFAULT_FEATURES } from '../features/features.types.js';
import { isSipHa1, isSipUsername } from '../validation/credentials.js';
import type { CustomerEvent, CustomerOpened } from './customer.events.js';
import { assertCallerIds, assertFollowMe, assertPendingCallerIds, assertSettings } from './customer.invariants.js';
import type { CustomerState, OpenedCustomer } from './customer.state.js';

export function evolveCustomer(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'CustomerOpened') {
    invariant(state.status === 'none', `customer ${event.customerId} opened twice`);
    return opened(event);
  }
  const customer = existing(state, event);
  const id = customer.customerId;
  switch (event.type) {
    case 'CustomerSuspended':
      invariant(customer.status === 'active', `customer ${id} suspended while ${customer.status}`);
      return { ...customer, status: 'suspended' };
    case 'CustomerReactivated':
      invariant(customer.status === 'suspended', `customer ${id} reactivated while ${customer.status}`);
      return { ...customer, status: 'active' };
    case 'CustomerClosed':
      return { ...customer, status: 'closed' };
    case 'CallerIdAdded': {
      invariant(
        !customer.callerIds.includes(event.callerId) && sameList(event.callerIds, [...customer.callerIds, event.callerId]),
        `customer ${id}: CallerIdAdded does not extend the list`,
      );
      return withCallerIds(customer, event);
    }
    case 'CallerIdRequested':
      invariant(
        !customer.callerIds.includes(event.callerId) && sameList(event.pendingCallerIds, [...customer.pendingCallerIds, event.callerId]),
        `customer ${id}: CallerIdRequested does not extend the pending list`,
      );
      return withPending(customer, event.pendingCallerIds);
    case 'CallerIdApproved':
      invariant(
        customer.pendingCallerIds.includes(event.callerId) &&
          sameList(event.pendingCallerIds, customer.pendingCallerIds.filter((n) => n !== event.callerId)) &&
          sameList(event.callerIds, [...customer.callerIds, event.callerId]),
        `customer ${id}: CallerIdApproved does not move a pending number to the approved list`,
      );
      return withPending(withCallerIds(customer, event), event.pendingCallerIds);
    case 'CallerIdRejected':
      invariant(
        customer.pendingCallerIds.includes(event.callerId) && sameList(event.pendingCallerIds, customer.pendingCallerIds.filter((n) => n !== event.callerId)),
        `customer ${id}: CallerIdRejected does not shrink the pending list`,
      );
      return withPending(customer, event.pendingCallerIds);
    case 'CallerIdRemoved': {
      invariant(
        customer.callerIds.includes(event.callerId) && sameList(event.callerIds, customer.callerIds.filter((n) => n !== event.callerId)),
        `customer ${id}: CallerIdRemoved does not shrink the list`,
      );
      return withCallerIds(customer, event);
    }
    case 'DefaultCallerIdChosen':
      invariant(sameList(event.callerIds, customer.callerIds), `customer ${id}: DefaultCallerIdChosen changed the list`);
      return withCallerIds(customer, event);
    case 'FollowMeChanged': {
      const followMe = { enabled: event.enabled, targets: event.targets };
      assertFollowMe(followMe, id);
      return { ...customer, followMe };
    }
    case 'CustomerSettingsChanged': {
      const settings = {
        lowBalanceThresholdMicros: event.lowBalanceThresholdMicros,
        contactEmail: event.contactEmail,
        language: event.language,
        lowBalanceEmailEnabled: event.lowBalanceEmailEnabled,
      };
      assertSettings(settings, id);
      return { ...customer, ...settings };
    }
    case 'CustomerRateSheetChanged':
      invariant(event.previousRateSheetId === customer.rateSheetId, `customer ${id}: rate sheet history out of order`);
      return { ...customer, rateSheetId: event.rateSheetId };
    case 'CustomerCreditLimitChanged':
      invariant(customer.billingType === 'postpaid', `customer ${id}: credit limit on a prepaid customer`);
      invariant(event.previousCreditLimitMicros === customer.creditLimitMicros, `customer ${id}: credit limit history out of order`);
      invariant(event.creditLimitMicros >= 0n, `customer ${id}: negative credit limit`);
      return { ...customer, creditLimitMicros: event.creditLimitMicros };
    case 'SipPasswordChanged':
      invariant(isSipHa1(event.sipHa1), `customer ${id}: malformed SIP HA1`);
      return withUser({ ...customer, sipHa1: event.sipHa1 }, customer.sipUsername, (user) => ({ ...user, sipHa1: event.sipHa1 }));
    case 'SipUserAdded':
    case 'SipUserChanged':
    case 'SipUserRemoved':
    case 'SipUserPasswordChanged':
      return evolveSipUsers(customer, event);
    case 'TrunkAddressAdded':
    case 'TrunkAddressRemoved':
      return evolveTrunkAddresses(customer, event);
    case 'CustomerFeaturesChanged':
      return { ...customer, features: checkFeatures(pickFeatures(event)) };
  }
}

function opened(event: CustomerOpened): OpenedCustomer {
  const id = event.customerId;
  assertBillingTerms(event, `customer ${id}`);
  invariant(isValidAccountNumber(event.accountNumber), `customer ${id}: invalid account number ${event.accountNumber}`);
  invariant(isSipUsername(event.sipUsername) && isSipHa1(event.sipHa1), `customer ${id}: malformed SIP credentials`);
  invariant(event.initialBalanceSource === 'operator' || event.agentId !== null, `customer ${id}: agent funding without an agent`);
  const customer: OpenedCustomer = {
    status: 'active',
    customerId: id,
    accountNumber: event.accountNumber,
    agentId: event.agentId,
    profileId: event.profileId,
    billingType: event.billingType,
    creditLimitMicros: event.creditLimitMicros,
    rateSheetId: event.rateSheetId,
    maxConcurrentCalls: event.maxConcurrentCalls,
    maxCallDurationSeconds: event.maxCallDurationSeconds,
    sipUsername: event.sipUsername,
    sipHa1: event.sipHa1,
    portalUsername: event.portalUsername,
    lowBalanceThresholdMicros: event.lowBalanceThresholdMicros,
    contactEmail: event.contactEmail,
    language: event.language,
    lowBalanceEmailEnabled: event.lowBalanceEmailEnabled,
    callerIds: [],
    defaultCallerId: null,
    pendingCallerIds: [],
    followMe: { enabled: false, targets: [] },
    features: event.features === undefined ? DEFAULT_FEATURES : checkFeatures(pickFeatures(event.features)),
    sipUsers: [sipUserOfOpening(event.sipUsername, event.sipHa1)],
    removedSipUsernames: [],
    trunkAddresses: [],
  };
  assertSettings(customer, id);
  return customer;
}

/** Any event after opening: of this customer, and never after it was closed (terminal). */
function existing(state: CustomerState, event: CustomerEvent): OpenedCustomer {
  invariant(state.status !== 'none', `${event.type} before CustomerOpened for customer ${event.customerId}`);
  invariant(state.customerId === event.customerId, `${event.type} of customer ${event.customerId} folded into customer ${state.customerId}`);
  invariant(state.status !== 'closed', `${event.type} after customer ${state.customerId} was closed`);
  return state;
}

function withCallerIds(customer: OpenedCustomer, event: { callerIds: readonly string[]; defaultCallerId: string | null }): OpenedCustomer {
  const callerIds = { callerIds: [...event.callerIds], defaultCallerId: event.defaultCallerId };
  assertCallerIds(callerIds, customer.customerId);
  const next = { ...customer, ...callerIds };
  if (!('pendingCallerIds' in event)) assertPendingCallerIds(next, customer.customerId); // else withPending checks the new list
  return next;
}

function withPending(customer: OpenedCustomer, pendingCallerIds: readonly string[]): OpenedCustomer {
  const next = { ...customer, pendingCallerIds: [...pendingCallerIds] };
  assertPendingCallerIds(next, customer.customerId);
  return next;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
