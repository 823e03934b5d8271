// SIP users (extensions) of one customer account: one balance, many users. They live in the
// customer's stream, so a user's CallerID is checked against the account's approved numbers and
// its concurrent-call limit against the account's, in the same decision. The account's first
// user is the SIP user it was opened with (CustomerOpened): it cannot be removed, so every
// customer keeps at least one user and today's `sipUsername` keeps naming it.
import type { Audit, CommandMeta } from '../shared/command-meta.js';

export type SipUserStatus = 'active' | 'suspended';

export interface SipUser {
  sipUsername: string;
  /** md5(sipUsername:realm:password), lowercase hex. */
  sipHa1: string;
  /** what phones show; null = none. */
  displayName: string | null;
  /** the user's default CallerID (one of the account's approved numbers); null = the account's default. */
  callerId: string | null;
  /** at most the account's maxConcurrentCalls; null = only the account's limit applies. */
  maxConcurrentCalls: number | null;
  status: SipUserStatus;
}

/** The settings of a user that `ChangeSipUser` may change (absent = unchanged). */
export type SipUserSettings = Pick<SipUser, 'displayName' | 'callerId' | 'maxConcurrentCalls' | 'status'>;

export interface AddSipUser {
  type: 'AddSipUser';
  customerId: string;
  sipUsername: string;
  sipHa1: string;
  displayName: string | null;
  callerId: string | null;
  maxConcurrentCalls: number | null;
  meta: CommandMeta;
}

/** Rename (displayName), choose the CallerID, set the limit, suspend or reactivate. */
export interface ChangeSipUser {
  type: 'ChangeSipUser';
  customerId: string;
  sipUsername: string;
  changes: Partial<SipUserSettings>;
  meta: CommandMeta;
}

export interface RemoveSipUser {
  type: 'RemoveSipUser';
  customerId: string;
  sipUsername: string;
  meta: CommandMeta;
}

/** A new password for one user, as its HA1 (computed outside). */
export interface ChangeSipUserPassword {
  type: 'ChangeSipUserPassword';
  customerId: string;
  sipUsername: string;
  sipHa1: string;
  meta: CommandMeta;
}

export type SipUserCommand = AddSipUser | ChangeSipUser | RemoveSipUser | ChangeSipUserPassword;

export interface SipUserAdded extends SipUser, Audit {
  type: 'SipUserAdded';
  customerId: string;
}

/** The user's settings after the change (its HA1 is not repeated). */
export interface SipUserChanged extends SipUserSettings, Audit {
  type: 'SipUserChanged';
  customerId: string;
  sipUsername: string;
}

export interface SipUserRemoved extends Audit {
  type: 'SipUserRemoved';
  customerId: string;
  sipUsername: string;
}

/** A user other than the first one got a new password (the first one's is `SipPasswordChanged`). */
export interface SipUserPasswordChanged extends Audit {
  type: 'SipUserPasswordChanged';
  customerId: string;
  sipUsername: string;
  sipHa1: string;
}

export type SipUserEvent = SipUserAdded | SipUserChanged | SipUserRemoved | SipUserPasswordChanged;
