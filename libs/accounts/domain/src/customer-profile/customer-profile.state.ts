import type { ProfileTerms } from '../terms/billing-terms.js';
import type { CustomerFeatures } from '../features/features.types.js';

export interface ExistingCustomerProfile extends ProfileTerms {
  status: 'active' | 'archived';
  profileId: string;
  ownerAgentId: string | null;
  name: string;
  /** the features customers opened from it get (DEFAULT_FEATURES until ITC sets them). */
  features: CustomerFeatures;
  /** SIP users a new account gets (absent = 1: sipUsersPerAccountOf). */
  sipUsersPerAccount?: number;
}

export type CustomerProfileState = { status: 'none' } | ExistingCustomerProfile;

export function initialCustomerProfileState(): CustomerProfileState {
  return { status: 'none' };
}
