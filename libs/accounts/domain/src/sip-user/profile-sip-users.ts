// How many SIP users a new account opened from a profile gets (default 1: the account's own
// user, as before). The profile's owner (an agent) or ITC sets it; openings and batches add the
// further users `<account number>-2…n` in the same append as the opening.
import { RejectedCommand, invariant } from '@billing/decider';
import type { CustomerProfileState } from '../customer-profile/customer-profile.state.js';
import { rejections } from '../rejections.js';
import { isAgent, isItc } from '../shared/actor.js';
import { auditOf, type Audit, type CommandMeta } from '../shared/command-meta.js';

/** Further users are generated at opening (a 1000-customer batch × this stays one append). */
export const MAX_SIP_USERS_PER_NEW_ACCOUNT = 20;

export interface SetProfileSipUsers {
  type: 'SetProfileSipUsers';
  profileId: string;
  sipUsersPerAccount: number;
  meta: CommandMeta;
}

export interface CustomerProfileSipUsersChanged extends Audit {
  type: 'CustomerProfileSipUsersChanged';
  profileId: string;
  sipUsersPerAccount: number;
}

export const profileSipUserRejections = {
  invalidSipUsersPerAccount: () =>
    new RejectedCommand(`SIP users per new account must be a whole number from 1 to ${MAX_SIP_USERS_PER_NEW_ACCOUNT}`, 'invalid_sip_users_per_account', 422),
  notProfileOwner: () => new RejectedCommand("a profile's SIP users per account are set by its owner or ITC", 'not_profile_owner', 403),
} as const;

export function isSipUsersPerAccount(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_SIP_USERS_PER_NEW_ACCOUNT;
}

/** The profile's number (profiles that never set it: 1). */
export function sipUsersPerAccountOf(profile: { sipUsersPerAccount?: number }): number {
  return profile.sipUsersPerAccount ?? 1;
}

export function setProfileSipUsers(command: SetProfileSipUsers, state: CustomerProfileState): CustomerProfileSipUsersChanged[] {
  if (state.status === 'none') throw rejections.profileNotFound();
  invariant(state.profileId === command.profileId, `a command for profile ${command.profileId} was decided on profile ${state.profileId}`);
  if (!isItc(command.meta) && !(state.ownerAgentId !== null && isAgent(command.meta, state.ownerAgentId))) throw profileSipUserRejections.notProfileOwner();
  if (state.status === 'archived') throw rejections.profileArchived();
  if (!isSipUsersPerAccount(command.sipUsersPerAccount)) throw profileSipUserRejections.invalidSipUsersPerAccount();
  if (command.sipUsersPerAccount === sipUsersPerAccountOf(state)) return [];
  return [{ type: 'CustomerProfileSipUsersChanged', profileId: state.profileId, sipUsersPerAccount: command.sipUsersPerAccount, ...auditOf(command.meta) }];
}

/** The usernames of an account's further users at opening: `<account number>-2` … `-n`. */
export function furtherSipUsernames(accountNumber: string, sipUsersPerAccount: number): string[] {
  return Array.from({ length: Math.max(0, sipUsersPerAccount - 1) }, (_, i) => `${accountNumber}-${i + 2}`);
}
