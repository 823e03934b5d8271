// How feature commands and feature-gated commands say no (stable snake_case codes). A refusal for
// a missing feature names it in its code: feature_<name>_not_assigned.
import { RejectedCommand } from '@billing/decider';

export const MAX_PREMIUM_PREFIXES = 100;

export const featureRejections = {
  featuresItcOnly: () => new RejectedCommand('PBX features are assigned by ITC only', 'features_itc_only', 403),
  invalidFeatureFlag: (name: string) => new RejectedCommand(`feature ${name} must be true or false`, 'invalid_feature_flag', 422),
  invalidHomeCountryCode: () => new RejectedCommand('home country code must be an E.164 country code: 1 to 3 digits, not starting with 0', 'invalid_home_country_code', 422),
  homeCountryCodeRequired: () =>
    new RejectedCommand('international calls can be withheld only from a customer with a home country code (what is not it is international)', 'home_country_code_required', 422),
  invalidPremiumPrefix: (index: number) => new RejectedCommand(`premiumPrefixes[${index}] must be 1 to 15 digits, not starting with 0`, 'invalid_premium_prefix', 422),
  duplicatePremiumPrefix: (prefix: string) => new RejectedCommand(`premium prefix ${prefix} is listed twice`, 'duplicate_premium_prefix', 422),
  tooManyPremiumPrefixes: () => new RejectedCommand(`at most ${MAX_PREMIUM_PREFIXES} premium prefixes`, 'too_many_premium_prefixes', 422),
  followMeNotAssigned: () => new RejectedCommand('ITC has not given this customer the FollowMe feature', 'feature_follow_me_not_assigned', 403),
  callerIdSelfManagementNotAssigned: () =>
    new RejectedCommand("ITC has not given this customer CallerID self-management: its agent manages its CallerIDs", 'feature_caller_id_self_management_not_assigned', 403),
} as const;
