import type { Audit } from '../shared/command-meta.js';
import type { ProfileTerms } from '../terms/billing-terms.js';
import type { CustomerProfileFeaturesChanged } from '../features/features.types.js';
import type { CustomerProfileSipUsersChanged } from '../sip-user/profile-sip-users.js';

export interface CustomerProfileCreated extends ProfileTerms, Audit {
  type: 'CustomerProfileCreated';
  profileId: string;
  ownerAgentId: string | null;
  name: string;
}

/** The whole profile after the change. */
export interface CustomerProfileUpdated extends ProfileTerms, Audit {
  type: 'CustomerProfileUpdated';
  profileId: string;
  name: string;
}

export interface CustomerProfileArchived extends Audit {
  type: 'CustomerProfileArchived';
  profileId: string;
}

export type CustomerProfileEvent = CustomerProfileCreated | CustomerProfileUpdated | CustomerProfileArchived | CustomerProfileFeaturesChanged | CustomerProfileSipUsersChanged;
