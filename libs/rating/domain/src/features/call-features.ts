// PBX features ITC assigned to a customer (accounts.CustomerFeaturesChanged), as far as an
// authorization can enforce them: international calls and premium-rate destinations. Pure, on the
// destination's E.164 digits — the same digits that select the rate row (normaliseDestination).
//   international = the digits do not start with the customer's home country code (E.164 country
//                   codes are prefix-free, so "starts with" is exact: 351 Portugal, 1 NANP, 44 UK);
//   premium       = the digits start with one of the customer's premium prefixes.
// A premium number is refused as premium even when it is also international (the narrower reason).

export interface CallFeatures {
  readonly followMe: boolean;
  readonly internationalCalls: boolean;
  readonly premiumDestinations: boolean;
  /** null = not set: then nothing counts as international (accounts requires it to withhold international calls). */
  readonly homeCountryCode: string | null;
  readonly premiumPrefixes: readonly string[];
}

/** Before features existed every customer could do this; an account without a recorded set keeps it. */
export const DEFAULT_CALL_FEATURES: CallFeatures = Object.freeze({
  followMe: true,
  internationalCalls: true,
  premiumDestinations: false,
  homeCountryCode: null,
  premiumPrefixes: Object.freeze([]) as readonly string[],
});

export const FEATURE_REFUSALS = {
  feature_premium_destinations_not_assigned: 'premiumDestinations',
  feature_international_calls_not_assigned: 'internationalCalls',
} as const;
export type FeatureRefusalReason = keyof typeof FEATURE_REFUSALS;
export type MissingFeature = (typeof FEATURE_REFUSALS)[FeatureRefusalReason];
export const FEATURE_REFUSAL_REASONS = Object.keys(FEATURE_REFUSALS) as FeatureRefusalReason[];

export function isInternational(features: Pick<CallFeatures, 'homeCountryCode'>, destinationDigits: string): boolean {
  return features.homeCountryCode !== null && !destinationDigits.startsWith(features.homeCountryCode);
}

export function isPremium(features: Pick<CallFeatures, 'premiumPrefixes'>, destinationDigits: string): boolean {
  return features.premiumPrefixes.some((prefix) => destinationDigits.startsWith(prefix));
}

/** The reason a call to `destinationDigits` is refused for a feature the customer lacks, or null. */
export function featureRefusal(features: CallFeatures, destinationDigits: string): FeatureRefusalReason | null {
  if (!features.premiumDestinations && isPremium(features, destinationDigits)) return 'feature_premium_destinations_not_assigned';
  if (!features.internationalCalls && isInternational(features, destinationDigits)) return 'feature_international_calls_not_assigned';
  return null;
}

/** The feature a refusal reason names (null for every other reason). */
export function missingFeatureOf(reason: string | null): MissingFeature | null {
  return reason !== null && Object.prototype.hasOwnProperty.call(FEATURE_REFUSALS, reason) ? FEATURE_REFUSALS[reason as FeatureRefusalReason] : null;
}

/** The set in force at `instant`: the last one recorded at or before it (history oldest first), else the defaults. */
export function featuresAt<F>(history: readonly { readonly from: string; readonly features: F }[], instant: string, fallback: F): F {
  const at = Date.parse(instant);
  let found = fallback;
  for (const entry of history) if (Date.parse(entry.from) <= at) found = entry.features;
  return found;
}
