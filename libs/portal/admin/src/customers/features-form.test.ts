import { describe, expect, it } from 'vitest';
import type { Features } from './customer-wire';
import { featuresFormValues, featuresPatch, parsePrefixes } from './features-form';

const features: Features = {
  followMe: true,
  callerIdSelfManagement: true,
  internationalCalls: true,
  premiumDestinations: false,
  callRecording: false,
  voicemail: false,
  homeCountryCode: null,
  premiumPrefixes: ['3516'],
};

describe('featuresPatch', () => {
  it('is empty when nothing changed (the form round-trips the set)', () => {
    expect(featuresPatch(features, featuresFormValues(features))).toEqual({});
  });

  it('sends only the changed flags, the trimmed country code and the whole new prefix list', () => {
    const values = { ...featuresFormValues(features), internationalCalls: false, voicemail: true, homeCountryCode: ' 351 ', premiumPrefixes: '3516, 3517\n3518' };
    expect(featuresPatch(features, values)).toEqual({ internationalCalls: false, voicemail: true, homeCountryCode: '351', premiumPrefixes: ['3516', '3517', '3518'] });
  });

  it('clears the country code with null and the prefixes with an empty list', () => {
    const before = { ...features, homeCountryCode: '34' };
    expect(featuresPatch(before, { ...featuresFormValues(before), homeCountryCode: ' ', premiumPrefixes: '' })).toEqual({ homeCountryCode: null, premiumPrefixes: [] });
  });
});

describe('parsePrefixes', () => {
  it('splits on commas, semicolons and white space', () => {
    expect(parsePrefixes(' 1, 2;3\n\n4 ')).toEqual(['1', '2', '3', '4']);
  });
});
