import type { CustomerTerms } from '../terms/billing-terms.js';
import type { CustomerFeatures } from '../features/features.types.js';
import type { SipUser } from '../sip-user/sip-user.types.js';
import type { TrunkAddress } from '../trunk/trunk-address.types.js';

export type CustomerStatus = 'active' | 'suspended' | 'closed';

/** Who pays the initial balance: the agent's main balance, or ITC (a manual deposit). */
export type InitialBalanceSource = 'agent' | 'operator';

/** What the customer (or its agent) changes in the portal's settings page. */
export interface CustomerSettings {
  lowBalanceThresholdMicros: bigint;
  /** where low-balance mail goes; null = none on file (nothing is sent). */
  contactEmail: string | null;
  language: string;
  /** opt-out: on when opened. */
  lowBalanceEmailEnabled: boolean;
}

/** Numbers the customer may present, in E.164. A default exists exactly when the list is not empty. */
export interface CallerIds {
  callerIds: readonly string[];
  defaultCallerId: string | null;
}

/** Numbers the customer added that wait for its agent's (or ITC's) approval: never sent to the switch. */
export interface PendingCallerIds {
  pendingCallerIds: readonly string[];
}

export interface FollowMeTarget {
  /** E.164 */
  destination: string;
  ringSeconds: number;
}

/** Targets are tried in order. Enabled only with at least one target. */
export interface FollowMe {
  enabled: boolean;
  targets: readonly FollowMeTarget[];
}

export interface OpenedCustomer extends CustomerSettings, CallerIds, PendingCallerIds {
  status: CustomerStatus;
  customerId: string;
  accountNumber: string;
  /** null = ITC-direct customer. */
  agentId: string | null;
  profileId: string | null;
  billingType: CustomerTerms['billingType'];
  creditLimitMicros: bigint | null;
  rateSheetId: string;
  maxConcurrentCalls: number;
  maxCallDurationSeconds: number;
  sipUsername: string;
  sipHa1: string;
  portalUsername: string;
  followMe: FollowMe;
  /** the PBX features ITC assigned (DEFAULT_FEATURES for customers opened before features existed). */
  features: CustomerFeatures;
  /** every SIP user of the account, the first one (sipUsername) first. */
  sipUsers: readonly SipUser[];
  /** usernames of users removed from the account (not added again): removing one again is no change, an unknown one a 404. */
  removedSipUsernames: readonly string[];
  /** the source addresses its PBX calls from without registering (ITC registers them). */
  trunkAddresses: readonly TrunkAddress[];
}

export type CustomerState = { status: 'none' } | OpenedCustomer;

export function initialCustomerState(): CustomerState {
  return { status: 'none' };
}
