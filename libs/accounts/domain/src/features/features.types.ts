// PBX features ITC assigns to a customer (issue 13 §3): what the customer may do itself and what
// the switch may do for it. A customer profile holds the default for customers opened from it
// (singly or in a batch); after the opening only ITC changes a customer's set. A change takes
// effect at the instant it is recorded (`occurredAt`, published as `effectiveFrom`): rating keeps
// every set with its instant and judges a call by the set in force when the call starts.
import type { Audit, CommandMeta } from '../shared/command-meta.js';

export interface CustomerFeatures {
  /** the customer may set and enable FollowMe (and the switch gets its targets). */
  followMe: boolean;
  /** the customer itself may add, remove and choose its CallerIDs (its agent's approval still applies). */
  callerIdSelfManagement: boolean;
  /** calls to a country code other than `homeCountryCode`. */
  internationalCalls: boolean;
  /** calls to a number starting with one of `premiumPrefixes`. */
  premiumDestinations: boolean;
  /** for the switch (directory variable): record this customer's calls. */
  callRecording: boolean;
  /** for the switch (directory variable): this customer has a voicemail box. */
  voicemail: boolean;
  /**
   * The E.164 country code of the customer's home country ("351", "1", "44"); a destination is
   * international when its E.164 digits do not start with it. null = not set, which is allowed
   * only while international calls are allowed.
   */
  homeCountryCode: string | null;
  /** E.164 digit prefixes of premium-rate destinations ("3576", "4490"), maintained by ITC. */
  premiumPrefixes: readonly string[];
}

export type FeatureFlag = 'followMe' | 'callerIdSelfManagement' | 'internationalCalls' | 'premiumDestinations' | 'callRecording' | 'voicemail';

export const FEATURE_FLAGS: readonly FeatureFlag[] = ['followMe', 'callerIdSelfManagement', 'internationalCalls', 'premiumDestinations', 'callRecording', 'voicemail'];

/**
 * What every customer could do before features existed, so it keeps working: FollowMe, CallerID
 * self-management and international calls on; premium destinations (none listed), recording and
 * voicemail off. Customers and profiles recorded before features existed read as this set.
 */
export const DEFAULT_FEATURES: CustomerFeatures = Object.freeze({
  followMe: true,
  callerIdSelfManagement: true,
  internationalCalls: true,
  premiumDestinations: false,
  callRecording: false,
  voicemail: false,
  homeCountryCode: null,
  premiumPrefixes: Object.freeze([]) as readonly string[],
});

/** Absent fields stay as they are (PATCH); ITC only. */
export interface SetCustomerFeatures {
  type: 'SetCustomerFeatures';
  customerId: string;
  changes: Partial<CustomerFeatures>;
  meta: CommandMeta;
}

/** The default for customers opened from the profile later (existing customers keep theirs); ITC only. */
export interface SetProfileFeatures {
  type: 'SetProfileFeatures';
  profileId: string;
  changes: Partial<CustomerFeatures>;
  meta: CommandMeta;
}

/** The whole set after the change, in force from `occurredAt`. */
export interface CustomerFeaturesChanged extends CustomerFeatures, Audit {
  type: 'CustomerFeaturesChanged';
  customerId: string;
}

/** The profile's whole default set after the change. */
export interface CustomerProfileFeaturesChanged extends CustomerFeatures, Audit {
  type: 'CustomerProfileFeaturesChanged';
  profileId: string;
}
