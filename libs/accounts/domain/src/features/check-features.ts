// The rules of a feature set, shared by customers and profiles: flags are booleans, the home
// country code is an E.164 country code, premium prefixes are distinct E.164 digit prefixes, and
// international calls can be withheld only when "international" is defined (a home country code).
import { FEATURE_FLAGS, type CustomerFeatures } from './features.types.js';
import { featureRejections, MAX_PREMIUM_PREFIXES } from './features.rejections.js';

const COUNTRY_CODE = /^[1-9][0-9]{0,2}$/;
const PREFIX = /^[1-9][0-9]{0,14}$/;

/** `changes` applied to `current`, checked; throws the first rule broken. */
export function mergeFeatures(current: CustomerFeatures, changes: Partial<CustomerFeatures>): CustomerFeatures {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<CustomerFeatures>;
  return checkFeatures({ ...current, ...defined });
}

export function checkFeatures(features: CustomerFeatures): CustomerFeatures {
  for (const flag of FEATURE_FLAGS) if (typeof features[flag] !== 'boolean') throw featureRejections.invalidFeatureFlag(flag);
  const { homeCountryCode, premiumPrefixes } = features;
  if (homeCountryCode !== null && (typeof homeCountryCode !== 'string' || !COUNTRY_CODE.test(homeCountryCode))) throw featureRejections.invalidHomeCountryCode();
  if (!features.internationalCalls && homeCountryCode === null) throw featureRejections.homeCountryCodeRequired();
  if (premiumPrefixes.length > MAX_PREMIUM_PREFIXES) throw featureRejections.tooManyPremiumPrefixes();
  const seen = new Set<string>();
  premiumPrefixes.forEach((prefix, index) => {
    if (typeof prefix !== 'string' || !PREFIX.test(prefix)) throw featureRejections.invalidPremiumPrefix(index);
    if (seen.has(prefix)) throw featureRejections.duplicatePremiumPrefix(prefix);
    seen.add(prefix);
  });
  return { ...pickFeatures(features), premiumPrefixes: [...premiumPrefixes] };
}

/** Only the feature fields of an event or a state (events carry audit and ids besides). */
export function pickFeatures(source: CustomerFeatures): CustomerFeatures {
  const { followMe, callerIdSelfManagement, internationalCalls, premiumDestinations, callRecording, voicemail, homeCountryCode, premiumPrefixes } = source;
  return { followMe, callerIdSelfManagement, internationalCalls, premiumDestinations, callRecording, voicemail, homeCountryCode, premiumPrefixes };
}

export function sameFeatures(a: CustomerFeatures, b: CustomerFeatures): boolean {
  return (
    FEATURE_FLAGS.every((flag) => a[flag] === b[flag]) &&
    a.homeCountryCode === b.homeCountryCode &&
    a.premiumPrefixes.length === b.premiumPrefixes.length &&
    a.premiumPrefixes.every((prefix, i) => prefix === b.premiumPrefixes[i])
  );
}
