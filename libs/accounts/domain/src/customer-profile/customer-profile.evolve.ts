import { invariant } from '@billing/decider';
import { assertBillingTerms, profileTermsOf } from '../terms/billing-terms.js';
import { checkFeatures, pickFeatures } from '../features/check-features.js';
import { DEFAULT_FEATURES } from '../features/features.types.js';
import { isSipUsersPerAccount } from '../sip-user/profile-sip-users.js';
import type { CustomerProfileEvent } from './customer-profile.events.js';
import type { CustomerProfileState, ExistingCustomerProfile } from './customer-profile.state.js';

export function evolveCustomerProfile(state: CustomerProfileState, event: CustomerProfileEvent): CustomerProfileState {
  switch (event.type) {
    case 'CustomerProfileCreated': {
      invariant(state.status === 'none', `profile ${event.profileId} created twice`);
      assertBillingTerms(event, `profile ${event.profileId}`);
      return { status: 'active', profileId: event.profileId, ownerAgentId: event.ownerAgentId, name: event.name, ...profileTermsOf(event), features: DEFAULT_FEATURES };
    }
    case 'CustomerProfileUpdated': {
      const profile = existing(state, event);
      invariant(profile.status === 'active', `archived profile ${profile.profileId} updated`);
      assertBillingTerms(event, `profile ${event.profileId}`);
      return { ...profile, name: event.name, ...profileTermsOf(event) };
    }
    case 'CustomerProfileArchived': {
      const profile = existing(state, event);
      invariant(profile.status === 'active', `profile ${profile.profileId} archived twice`);
      return { ...profile, status: 'archived' };
    }
    case 'CustomerProfileFeaturesChanged': {
      const profile = existing(state, event);
      invariant(profile.status === 'active', `archived profile ${profile.profileId} given features`);
      return { ...profile, features: checkFeatures(pickFeatures(event)) };
    }
    case 'CustomerProfileSipUsersChanged': {
      const profile = existing(state, event);
      invariant(profile.status === 'active' && isSipUsersPerAccount(event.sipUsersPerAccount), `profile ${profile.profileId}: bad SIP users per account`);
      return { ...profile, sipUsersPerAccount: event.sipUsersPerAccount };
    }
  }
}

function existing(state: CustomerProfileState, event: CustomerProfileEvent): ExistingCustomerProfile {
  invariant(state.status !== 'none', `${event.type} before CustomerProfileCreated for profile ${event.profileId}`);
  invariant(state.profileId === event.profileId, `${event.type} of profile ${event.profileId} folded into profile ${state.profileId}`);
  return state;
}
