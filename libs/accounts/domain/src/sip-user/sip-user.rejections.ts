// How the SIP-user commands say no (stable codes; 422 input, 409 state, 404 missing, 403 actor).
import { RejectedCommand } from '@billing/decider';
import { MAX_NAME_CHARS } from '../shared/limits.js';

/** Users per account: enough for a small office or a PBX's extensions, and a bounded stream state. */
export const MAX_SIP_USERS = 100;

export const sipUserRejections = {
  sipUserNotFound: () => new RejectedCommand('this customer has no such SIP user', 'sip_user_not_found', 404),
  sipUserExists: () => new RejectedCommand('this customer already has a SIP user with that username and other settings', 'sip_user_exists', 409),
  tooManySipUsers: () => new RejectedCommand(`a customer may have at most ${MAX_SIP_USERS} SIP users`, 'too_many_sip_users', 409),
  firstSipUser: () => new RejectedCommand("the account's first SIP user cannot be removed (suspend it instead)", 'first_sip_user', 409),
  invalidDisplayName: () => new RejectedCommand(`display name must be 1 to ${MAX_NAME_CHARS} characters, or null`, 'invalid_display_name', 422),
  invalidSipUserLimit: (accountLimit: number) =>
    new RejectedCommand(`a SIP user's concurrent-call limit must be a whole number from 1 to the account's ${accountLimit}, or null`, 'invalid_sip_user_limit', 422),
  // the customer-wide codes, in words about the SIP user's own CallerID (not the account's default)
  sipUserCallerIdNotFound: () => new RejectedCommand("a SIP user's CallerID must be one of the customer's approved caller IDs", 'caller_id_not_found', 422),
  sipUserCallerIdNotApproved: () =>
    new RejectedCommand("the caller ID is still waiting for approval: only an approved number can be a SIP user's CallerID", 'caller_id_not_approved', 422),
  sipUsersManagedByAgent: () => new RejectedCommand("SIP users are added and changed by the customer's agent or ITC", 'sip_users_managed_by_agent', 403),
} as const;
