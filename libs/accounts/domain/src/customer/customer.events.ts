import type { Audit } from '../shared/command-meta.js';
import type { CustomerTerms } from '../terms/billing-terms.js';
import type { SipUserEvent } from '../sip-user/sip-user.types.js';
import type { TrunkAddressEvent } from '../trunk/trunk-address.types.js';
import type { CustomerFeatures, CustomerFeaturesChanged } from '../features/features.types.js';
import type { CallerIds, CustomerSettings, FollowMe, InitialBalanceSource, PendingCallerIds } from './customer.state.js';

export interface CustomerOpened extends CustomerTerms, Audit {
  type: 'CustomerOpened';
  customerId: string;
  accountNumber: string;
  agentId: string | null;
  profileId: string | null;
  batchId: string | null;
  initialBalanceSource: InitialBalanceSource;
  sipUsername: string;
  sipHa1: string;
  portalUsername: string;
  contactEmail: string | null;
  lowBalanceEmailEnabled: boolean;
  /** absent in openings recorded before features existed: DEFAULT_FEATURES. */
  features?: CustomerFeatures;
}

export interface CustomerSuspended extends Audit {
  type: 'CustomerSuspended';
  customerId: string;
  reason: string | null;
}

export interface CustomerReactivated extends Audit {
  type: 'CustomerReactivated';
  customerId: string;
}

export interface CustomerClosed extends Audit {
  type: 'CustomerClosed';
  customerId: string;
  reason: string | null;
}

// The CallerID events carry the whole list after the change, so the relay can publish the
// list without loading the aggregate, and evolve can check the change against it.

export interface CallerIdAdded extends CallerIds, Audit {
  type: 'CallerIdAdded';
  customerId: string;
  callerId: string;
}

/** The customer added a number; it waits for approval. Carries the pending list after the change. */
export interface CallerIdRequested extends PendingCallerIds, Audit {
  type: 'CallerIdRequested';
  customerId: string;
  callerId: string;
}

/** A pending number approved: both lists after the change. */
export interface CallerIdApproved extends CallerIds, PendingCallerIds, Audit {
  type: 'CallerIdApproved';
  customerId: string;
  callerId: string;
}

/** A pending number refused by the approver, or withdrawn (removed) — the actor says which. */
export interface CallerIdRejected extends PendingCallerIds, Audit {
  type: 'CallerIdRejected';
  customerId: string;
  callerId: string;
}

export interface CallerIdRemoved extends CallerIds, Audit {
  type: 'CallerIdRemoved';
  customerId: string;
  callerId: string;
}

export interface DefaultCallerIdChosen extends CallerIds, Audit {
  type: 'DefaultCallerIdChosen';
  customerId: string;
}

/** The whole FollowMe after the change. */
export interface FollowMeChanged extends FollowMe, Audit {
  type: 'FollowMeChanged';
  customerId: string;
}

/** All settings after the change. */
export interface CustomerSettingsChanged extends CustomerSettings, Audit {
  type: 'CustomerSettingsChanged';
  customerId: string;
}

export interface CustomerRateSheetChanged extends Audit {
  type: 'CustomerRateSheetChanged';
  customerId: string;
  previousRateSheetId: string;
  rateSheetId: string;
}

export interface CustomerCreditLimitChanged extends Audit {
  type: 'CustomerCreditLimitChanged';
  customerId: string;
  previousCreditLimitMicros: bigint;
  creditLimitMicros: bigint;
}

export interface SipPasswordChanged extends Audit {
  type: 'SipPasswordChanged';
  customerId: string;
  sipHa1: string;
}

export type CustomerEvent =
  | CustomerOpened
  | CustomerSuspended
  | CustomerReactivated
  | CustomerClosed
  | CallerIdAdded
  | CallerIdRequested
  | CallerIdApproved
  | CallerIdRejected
  | CallerIdRemoved
  | DefaultCallerIdChosen
  | FollowMeChanged
  | CustomerSettingsChanged
  | CustomerRateSheetChanged
  | CustomerCreditLimitChanged
  | SipPasswordChanged
  | SipUserEvent
  | TrunkAddressEvent
  | CustomerFeaturesChanged;
