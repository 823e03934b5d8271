// The PBX features form: the customer's set as editable values, and the PATCH body of only what
// changed (the API changes nothing for the same values, but a smaller body names the change).
import type { Features } from './customer-wire.js';

export const FEATURE_FLAGS = ['followMe', 'callerIdSelfManagement', 'internationalCalls', 'premiumDestinations', 'callRecording', 'voicemail'] as const;
export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

export interface FeaturesFormValues extends Record<FeatureFlag, boolean> {
  homeCountryCode: string;
  /** as typed: digits separated by commas, spaces or line breaks. */
  premiumPrefixes: string;
}

export function featuresFormValues(features: Features): FeaturesFormValues {
  return {
    followMe: features.followMe,
    callerIdSelfManagement: features.callerIdSelfManagement,
    internationalCalls: features.internationalCalls,
    premiumDestinations: features.premiumDestinations,
    callRecording: features.callRecording,
    voicemail: features.voicemail,
    homeCountryCode: features.homeCountryCode ?? '',
    premiumPrefixes: features.premiumPrefixes.join(', '),
  };
}

export function parsePrefixes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

/** The changed fields only ({} when nothing changed). */
export function featuresPatch(before: Features, values: FeaturesFormValues): Partial<Features> {
  const patch: Partial<Features> = {};
  for (const flag of FEATURE_FLAGS) if (values[flag] !== before[flag]) patch[flag] = values[flag];
  const home = values.homeCountryCode.trim() === '' ? null : values.homeCountryCode.trim();
  if (home !== before.homeCountryCode) patch.homeCountryCode = home;
  const prefixes = parsePrefixes(values.premiumPrefixes);
  if (prefixes.join(',') !== before.premiumPrefixes.join(',')) patch.premiumPrefixes = prefixes;
  return patch;
}
