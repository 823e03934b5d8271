import type { Decider } from '@billing/decider';
import type { CustomerProfileCommand } from './customer-profile.commands.js';
import { decideCustomerProfile } from './customer-profile.decide.js';
import type { CustomerProfileEvent } from './customer-profile.events.js';
import { evolveCustomerProfile } from './customer-profile.evolve.js';
import { initialCustomerProfileState, type CustomerProfileState } from './customer-profile.state.js';

export const customerProfileDecider: Decider<CustomerProfileCommand, CustomerProfileEvent, CustomerProfileState> = {
  decide: decideCustomerProfile,
  evolve: evolveCustomerProfile,
  initialState: initialCustomerProfileState,
};

export function customerProfileStreamId(profileId: string): string {
  return `profile-${profileId}`;
}
