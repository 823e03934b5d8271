// Assigning features: ITC only (agents and customers see them, never change them), idempotent (the
// same set again decides nothing), the whole set recorded after each change for the audit trail.
import { invariant } from '@billing/decider';
import type { CustomerEvent } from '../customer/customer.events.js';
import type { CustomerState } from '../customer/customer.state.js';
import { changeable } from '../customer/decide/guards.js';
import type { CustomerProfileEvent } from '../customer-profile/customer-profile.events.js';
import type { CustomerProfileState } from '../customer-profile/customer-profile.state.js';
import { rejections } from '../rejections.js';
import { isItc } from '../shared/actor.js';
import { auditOf } from '../shared/command-meta.js';
import { checkFeatures, mergeFeatures, sameFeatures } from './check-features.js';
import { featureRejections } from './features.rejections.js';
import { DEFAULT_FEATURES, type CustomerFeatures, type SetCustomerFeatures, type SetProfileFeatures } from './features.types.js';

export function setCustomerFeatures(command: SetCustomerFeatures, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  if (!isItc(command.meta)) throw featureRejections.featuresItcOnly();
  const next = mergeFeatures(customer.features, command.changes);
  if (sameFeatures(customer.features, next)) return [];
  return [{ type: 'CustomerFeaturesChanged', customerId: customer.customerId, ...next, ...auditOf(command.meta) }];
}

export function setProfileFeatures(command: SetProfileFeatures, state: CustomerProfileState): CustomerProfileEvent[] {
  if (state.status === 'none') throw rejections.profileNotFound();
  invariant(state.profileId === command.profileId, `a command for profile ${command.profileId} was decided on profile ${state.profileId}`);
  if (!isItc(command.meta)) throw featureRejections.featuresItcOnly();
  if (state.status === 'archived') throw rejections.profileArchived();
  const next = mergeFeatures(state.features, command.changes);
  if (sameFeatures(state.features, next)) return [];
  return [{ type: 'CustomerProfileFeaturesChanged', profileId: state.profileId, ...next, ...auditOf(command.meta) }];
}

/** The features a customer is opened with: the profile's (given by the service), checked; none given = the defaults. */
export function openingFeatures(features: CustomerFeatures | undefined): CustomerFeatures {
  return features === undefined ? DEFAULT_FEATURES : checkFeatures(features);
}
