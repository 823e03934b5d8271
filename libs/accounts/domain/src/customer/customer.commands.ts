import type { CommandMeta } from '../shared/command-meta.js';
import type { CustomerTerms } from '../terms/billing-terms.js';
import type { CustomerSettings, InitialBalanceSource } from './customer.state.js';
import type { SipUserCommand } from '../sip-user/sip-user.types.js';
import type { TrunkAddressCommand } from '../trunk/trunk-address.types.js';
import type { CustomerFeatures, SetCustomerFeatures } from '../features/features.types.js';

/**
 * Opens a customer with the terms copied from its profile (resolveCustomerTerms) at this moment.
 * Ids, the account number (nextAccountNumber), the SIP username, the SIP password and its HA1 are
 * generated outside: the domain never sees a clear password.
 */
export interface OpenCustomer extends CustomerTerms {
  type: 'OpenCustomer';
  customerId: string;
  accountNumber: string;
  agentId: string | null;
  profileId: string | null;
  /** set when opened as part of a batch. */
  batchId: string | null;
  sipUsername: string;
  /** md5(sipUsername:realm:password), lowercase hex. */
  sipHa1: string;
  portalUsername: string;
  contactEmail: string | null;
  /** 'agent' when the agent opens it (funded from its main balance), 'operator' when ITC does. */
  initialBalanceSource: InitialBalanceSource;
  /** the profile's features (absent = DEFAULT_FEATURES). */
  features?: CustomerFeatures;
  meta: CommandMeta;
}

export interface SuspendCustomer {
  type: 'SuspendCustomer';
  customerId: string;
  reason: string | null;
  meta: CommandMeta;
}

export interface ReactivateCustomer {
  type: 'ReactivateCustomer';
  customerId: string;
  meta: CommandMeta;
}

/** Terminal: a closed customer never comes back and accepts no further change. */
export interface CloseCustomer {
  type: 'CloseCustomer';
  customerId: string;
  reason: string | null;
  meta: CommandMeta;
}

/**
 * `callerId` as typed: spaces, dashes, parentheses and a leading 00 are normalised away. Added by
 * ITC or the customer's agent it is approved at once; added by the customer it waits for their
 * approval (and is refused when the agent's policy forbids its customers to add numbers).
 */
export interface AddCallerId {
  type: 'AddCallerId';
  customerId: string;
  callerId: string;
  /** the policy of the customer's agent (loaded by the service); true for an ITC-direct customer. */
  customersMayAddCallerIds: boolean;
  meta: CommandMeta;
}

/** ITC or the customer's agent lets a number the customer added go to the switch. */
export interface ApproveCallerId {
  type: 'ApproveCallerId';
  customerId: string;
  callerId: string;
  meta: CommandMeta;
}

/** ITC or the customer's agent refuses a number the customer added. */
export interface RejectCallerId {
  type: 'RejectCallerId';
  customerId: string;
  callerId: string;
  meta: CommandMeta;
}

export interface RemoveCallerId {
  type: 'RemoveCallerId';
  customerId: string;
  callerId: string;
  meta: CommandMeta;
}

export interface ChooseDefaultCallerId {
  type: 'ChooseDefaultCallerId';
  customerId: string;
  callerId: string;
  meta: CommandMeta;
}

/** Replaces the whole FollowMe (PUT). Destinations as typed, normalised like caller IDs. */
export interface SetFollowMe {
  type: 'SetFollowMe';
  customerId: string;
  enabled: boolean;
  targets: { destination: string; ringSeconds: number }[];
  meta: CommandMeta;
}

export interface SetFollowMeEnabled {
  type: 'SetFollowMeEnabled';
  customerId: string;
  enabled: boolean;
  meta: CommandMeta;
}

/** Absent fields stay as they are; `contactEmail: null` removes the address. */
export interface ChangeCustomerSettings {
  type: 'ChangeCustomerSettings';
  customerId: string;
  changes: Partial<CustomerSettings>;
  meta: CommandMeta;
}

export interface ChangeCustomerRateSheet {
  type: 'ChangeCustomerRateSheet';
  customerId: string;
  rateSheetId: string;
  meta: CommandMeta;
}

/** Postpaid only. */
export interface ChangeCustomerCreditLimit {
  type: 'ChangeCustomerCreditLimit';
  customerId: string;
  creditLimitMicros: bigint;
  meta: CommandMeta;
}

/** A new SIP password, as its HA1 (computed outside). */
export interface ChangeSipPassword {
  type: 'ChangeSipPassword';
  customerId: string;
  sipHa1: string;
  meta: CommandMeta;
}

export type CustomerCommand =
  | OpenCustomer
  | SuspendCustomer
  | ReactivateCustomer
  | CloseCustomer
  | AddCallerId
  | ApproveCallerId
  | RejectCallerId
  | RemoveCallerId
  | ChooseDefaultCallerId
  | SetFollowMe
  | SetFollowMeEnabled
  | ChangeCustomerSettings
  | ChangeCustomerRateSheet
  | ChangeCustomerCreditLimit
  | ChangeSipPassword
  | SipUserCommand
  | TrunkAddressCommand
  | SetCustomerFeatures;
