// How many SIP users a new account gets: set by the profile's owner or ITC, 1 to 20.
import { spec } from '@billing/decider/testing';
import { customerProfileDecider } from '../customer-profile/customer-profile.decider.js';
import type { CustomerProfileEvent } from '../customer-profile/customer-profile.events.js';
import { furtherSipUsernames, sipUsersPerAccountOf } from './profile-sip-users.js';

const now = '2025-03-01T10:00:00Z';
const OWNER = { actor: 'agent:agent-1', now };
const ITC = { actor: 'admin:itc', now };
const OTHER = { actor: 'agent:agent-2', now };
const created: CustomerProfileEvent = {
  type: 'CustomerProfileCreated',
  profileId: 'profile-1',
  ownerAgentId: 'agent-1',
  name: 'Office',
  billingType: 'prepaid',
  creditLimitMicros: null,
  rateSheetId: null,
  initialBalanceMicros: 0n,
  lowBalanceThresholdMicros: 0n,
  maxConcurrentCalls: 3,
  maxCallDurationSeconds: 3_600,
  language: 'en',
  actor: OWNER.actor,
  occurredAt: now,
};
const set = (sipUsersPerAccount: number, meta = OWNER) => ({ type: 'SetProfileSipUsers' as const, profileId: 'profile-1', sipUsersPerAccount, meta });
const changed = (sipUsersPerAccount: number, meta = OWNER): CustomerProfileEvent => ({ type: 'CustomerProfileSipUsersChanged', profileId: 'profile-1', sipUsersPerAccount, actor: meta.actor, occurredAt: now });
const given = (events: CustomerProfileEvent[]) => spec(customerProfileDecider).given(events);

describe('SIP users per new account', () => {
  it('is 1 until set; the owner or ITC sets it; the same value again decides nothing', () => {
    const state = [created].reduce(customerProfileDecider.evolve, customerProfileDecider.initialState());
    expect(state.status !== 'none' && sipUsersPerAccountOf(state)).toBe(1);
    given([created]).when(set(3)).then([changed(3)]);
    given([created]).when(set(20, ITC)).then([changed(20, ITC)]);
    given([created, changed(3)]).when(set(3)).then([]);
    given([created]).when(set(1)).then([]);
  });

  it('refuses another agent, a number outside 1..20, an archived or unknown profile', () => {
    given([created]).when(set(3, OTHER)).thenRejects("a profile's SIP users per account are set by its owner or ITC", 'not_profile_owner');
    for (const n of [0, 21, 2.5]) given([created]).when(set(n)).thenRejects('SIP users per new account must be a whole number from 1 to 20', 'invalid_sip_users_per_account');
    given([created, { type: 'CustomerProfileArchived', profileId: 'profile-1', actor: OWNER.actor, occurredAt: now }]).when(set(2)).thenRejects('profile is archived', 'profile_archived');
    given([]).when(set(2)).thenRejects('profile not found', 'profile_not_found');
  });

  it('names the further users after the account number', () => {
    expect(furtherSipUsernames('1000000016', 3)).toEqual(['1000000016-2', '1000000016-3']);
    expect(furtherSipUsernames('1000000016', 1)).toEqual([]);
  });
});
