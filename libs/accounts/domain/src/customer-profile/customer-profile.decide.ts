import { invariant } from '@billing/decider';
import { rejections } from '../rejections.js';
import { auditOf } from '../shared/command-meta.js';
import { checkRateSheetId } from '../shared/checks.js';
import { checkBillingTerms, profileTermsOf, type ProfileTerms } from '../terms/billing-terms.js';
import { spokenLanguage } from '../validation/language.js';
import type { CreateCustomerProfile, CustomerProfileCommand, UpdateCustomerProfile } from './customer-profile.commands.js';
import type { CustomerProfileEvent } from './customer-profile.events.js';
import type { CustomerProfileState, ExistingCustomerProfile } from './customer-profile.state.js';
import { setProfileFeatures } from '../features/features.decide.js';
import { setProfileSipUsers } from '../sip-user/profile-sip-users.js';
import { checkProfileName } from './profile-name.js';

export function decideCustomerProfile(command: CustomerProfileCommand, state: CustomerProfileState): CustomerProfileEvent[] {
  switch (command.type) {
    case 'CreateCustomerProfile':
      return create(command, state);
    case 'UpdateCustomerProfile':
      return update(command, existing(state, command.profileId));
    case 'ArchiveCustomerProfile': {
      const profile = existing(state, command.profileId);
      if (profile.status === 'archived') return [];
      return [{ type: 'CustomerProfileArchived', profileId: profile.profileId, ...auditOf(command.meta) }];
    }
    case 'SetProfileFeatures':
      return setProfileFeatures(command, state);
    case 'SetProfileSipUsers':
      return setProfileSipUsers(command, state);
  }
}

function create(command: CreateCustomerProfile, state: CustomerProfileState): CustomerProfileEvent[] {
  const audit = auditOf(command.meta);
  checkSpoken(command.language);
  const ownerAgentId = command.ownerAgentId === null ? null : checkOwner(command.ownerAgentId);
  const profile = { profileId: command.profileId, ownerAgentId, name: checkProfileName(command.name), ...checkProfileTerms(profileTermsOf(command)) };
  if (state.status !== 'none') {
    const { status: _status, ...current } = state;
    if (sameFields(current, profile)) return []; // a retried request
    throw rejections.profileExists();
  }
  return [{ type: 'CustomerProfileCreated', ...profile, ...audit }];
}

function update(command: UpdateCustomerProfile, profile: ExistingCustomerProfile): CustomerProfileEvent[] {
  if (profile.status === 'archived') throw rejections.profileArchived();
  const changes = Object.fromEntries(Object.entries(command.changes).filter(([, value]) => value !== undefined)) as UpdateCustomerProfile['changes'];
  if (changes.language !== undefined) checkSpoken(changes.language);
  // prepaid has no credit limit: switching to it drops the old one unless the caller sent one (and is told no).
  const dropsCreditLimit = changes.billingType === 'prepaid' && !('creditLimitMicros' in changes);
  const merged: ProfileTerms = { ...profileTermsOf(profile), ...changes, ...(dropsCreditLimit ? { creditLimitMicros: null } : {}) };
  // a name stored before the names rule stays as it is until it is changed
  const next = { name: changes.name === undefined ? profile.name : checkProfileName(changes.name), ...checkProfileTerms(profileTermsOf(merged)) };
  if (sameFields({ name: profile.name, ...profileTermsOf(profile) }, next)) return [];
  return [{ type: 'CustomerProfileUpdated', profileId: profile.profileId, ...next, ...auditOf(command.meta) }];
}

function checkProfileTerms(terms: ProfileTerms): ProfileTerms {
  const checked = checkBillingTerms(terms);
  return { ...checked, rateSheetId: checked.rateSheetId === null ? null : checkRateSheetId(checked.rateSheetId) };
}

/** A language chosen now must be one the product speaks (a profile's older tag stays as it is). */
function checkSpoken(language: string): void {
  if (spokenLanguage(language) === null) throw rejections.invalidLanguage();
}

function checkOwner(ownerAgentId: string): string {
  invariant(ownerAgentId.trim() !== '', 'a profile owner must be an agent id or null');
  return ownerAgentId;
}

function existing(state: CustomerProfileState, profileId: string): ExistingCustomerProfile {
  if (state.status === 'none') throw rejections.profileNotFound();
  invariant(state.profileId === profileId, `a command for profile ${profileId} was decided on profile ${state.profileId}`);
  return state;
}

function sameFields<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((key) => a[key] === b[key]);
}
