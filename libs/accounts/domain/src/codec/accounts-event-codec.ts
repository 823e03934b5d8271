// Domain events hold bigint micro-units; JSON (the event store's jsonb) has no bigint. The codec
// writes each bigint field as a string of its integer micros ("12500000": exact, internal) and
// reads it back. The field list is checked by the compiler against the event types, so a new
// bigint field cannot be forgotten.
import { invariant } from '@billing/decider';
import type { AccountsEvent, AccountsEventType } from '../accounts-event.js';

type EventOf<T extends AccountsEventType> = Extract<AccountsEvent, { type: T }>;
type BigintKeys<E> = { [K in keyof E]-?: bigint extends E[K] ? K : never }[keyof E];

const BIGINT_FIELDS: { [T in AccountsEventType]: { [K in BigintKeys<EventOf<T>>]: true } } = {
  AgentRegistered: { commissionMicroPercent: true, lowBalanceThresholdMicros: true, maxCustomerCreditLimitMicros: true, maxTotalCustomerCreditMicros: true },
  AgentCommissionChanged: { previousCommissionMicroPercent: true, commissionMicroPercent: true },
  AgentRateSheetChanged: {},
  AgentContactUpdated: {},
  AgentLowBalanceThresholdChanged: { previousLowBalanceThresholdMicros: true, lowBalanceThresholdMicros: true },
  AgentMaxCustomerCreditLimitChanged: { previousMaxCustomerCreditLimitMicros: true, maxCustomerCreditLimitMicros: true },
  AgentMaxTotalCustomerCreditChanged: { previousMaxTotalCustomerCreditMicros: true, maxTotalCustomerCreditMicros: true },
  AgentCallerIdPolicyChanged: {},
  AgentSuspended: {},
  AgentReactivated: {},
  CustomerProfileCreated: { creditLimitMicros: true, initialBalanceMicros: true, lowBalanceThresholdMicros: true },
  CustomerProfileUpdated: { creditLimitMicros: true, initialBalanceMicros: true, lowBalanceThresholdMicros: true },
  CustomerProfileArchived: {},
  CustomerProfileFeaturesChanged: {},
  CustomerFeaturesChanged: {},
  CustomerOpened: { creditLimitMicros: true, initialBalanceMicros: true, lowBalanceThresholdMicros: true },
  CustomerSuspended: {},
  CustomerReactivated: {},
  CustomerClosed: {},
  CallerIdAdded: {},
  CallerIdRequested: {},
  CallerIdApproved: {},
  CallerIdRejected: {},
  CallerIdRemoved: {},
  DefaultCallerIdChosen: {},
  FollowMeChanged: {},
  CustomerSettingsChanged: { lowBalanceThresholdMicros: true },
  CustomerRateSheetChanged: {},
  CustomerCreditLimitChanged: { previousCreditLimitMicros: true, creditLimitMicros: true },
  SipPasswordChanged: {},
  SipUserAdded: {},
  SipUserChanged: {},
  SipUserRemoved: {},
  SipUserPasswordChanged: {},
  TrunkAddressAdded: {},
  TrunkAddressRemoved: {},
  CustomerProfileSipUsersChanged: {},
  BatchOpened: { creditLimitMicros: true, initialBalanceMicros: true, lowBalanceThresholdMicros: true },
};

export const ACCOUNTS_EVENT_TYPES = Object.keys(BIGINT_FIELDS) as AccountsEventType[];

export function isAccountsEventType(type: string): type is AccountsEventType {
  return Object.prototype.hasOwnProperty.call(BIGINT_FIELDS, type);
}

/** The event's data as plain JSON (without `type`, which the store keeps in its own column). */
export function encodeAccountsEvent(event: AccountsEvent): { type: AccountsEventType; data: Record<string, unknown> } {
  const { type, ...fields } = event;
  const data: Record<string, unknown> = { ...fields };
  for (const key of Object.keys(BIGINT_FIELDS[type])) {
    const value = data[key];
    data[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return { type, data };
}

/** Back from the store. A malformed stored event is a bug or a bad migration: assert. */
export function decodeAccountsEvent(type: string, data: unknown): AccountsEvent {
  invariant(isAccountsEventType(type), `not an accounts domain event type: "${type}"`);
  invariant(typeof data === 'object' && data !== null && !Array.isArray(data), `${type}: data must be an object`);
  const fields: Record<string, unknown> = { ...upcast(type, data) };
  for (const key of Object.keys(BIGINT_FIELDS[type])) {
    const value = fields[key];
    if (value === null) continue; // nullable bigints (credit limits) stay null; evolve checks whether null is allowed.
    invariant(typeof value === 'string' && /^-?[0-9]+$/.test(value), `${type}.${key} must be an integer string, got ${JSON.stringify(value)}`);
    fields[key] = BigInt(value);
  }
  return { ...fields, type } as AccountsEvent;
}

/**
 * Events stored before a field existed get the value that field's rule gave them then: an agent
 * registered before ITC set credit limits per agent could grant none (0), and its customers could
 * add CallerIDs (now pending approval). An agent registered before ITC set a total gets the
 * registration's default total: one customer at its maximum (its maxCustomerCreditLimitMicros).
 */
function upcast(type: AccountsEventType, data: object): object {
  if (type !== 'AgentRegistered') return data;
  const withDefaults: { maxCustomerCreditLimitMicros: unknown } = { ...{ maxCustomerCreditLimitMicros: '0', customersMayAddCallerIds: true }, ...data };
  return { maxTotalCustomerCreditMicros: withDefaults.maxCustomerCreditLimitMicros, ...withDefaults };
}
