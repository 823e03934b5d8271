import type { ProfileTerms } from '../terms/billing-terms.js';

export interface ExistingCustomerProfile extends ProfileTerms {
  status: 'active' | 'archived';
  profileId: string;
  ownerAgentId: string | null;
  name: string;
}

export type CustomerProfileState = { status: 'none' } | ExistingCustomerProfile;

export function initialCustomerProfileState(): CustomerProfileState {
  return { status: 'none' };
}
