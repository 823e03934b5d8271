import { DEFAULT_CALL_FEATURES, featureRefusal, featuresAt, isInternational, missingFeatureOf, type CallFeatures } from './call-features.js';

const portugal: CallFeatures = { ...DEFAULT_CALL_FEATURES, internationalCalls: false, homeCountryCode: '351', premiumPrefixes: ['3516', '44909'] };

describe('featureRefusal', () => {
  it('refuses a destination outside the home country code without international calls', () => {
    expect(featureRefusal(portugal, '442079460958')).toBe('feature_international_calls_not_assigned');
    expect(featureRefusal(portugal, '12125550100')).toBe('feature_international_calls_not_assigned');
    expect(featureRefusal(portugal, '351212345678')).toBeNull();
    expect(featureRefusal({ ...portugal, internationalCalls: true }, '442079460958')).toBeNull();
  });

  it('refuses a premium prefix without premium destinations, named as premium even when abroad', () => {
    expect(featureRefusal(portugal, '351607123456')).toBe('feature_premium_destinations_not_assigned');
    expect(featureRefusal(portugal, '449091234567')).toBe('feature_premium_destinations_not_assigned');
    expect(featureRefusal({ ...portugal, premiumDestinations: true }, '351607123456')).toBeNull();
  });

  it('the defaults refuse nothing (what every customer could do before features existed)', () => {
    expect(featureRefusal(DEFAULT_CALL_FEATURES, '442079460958')).toBeNull();
    expect(isInternational(DEFAULT_CALL_FEATURES, '442079460958')).toBe(false);
  });

  it('names the missing feature of a refusal', () => {
    expect(missingFeatureOf('feature_international_calls_not_assigned')).toBe('internationalCalls');
    expect(missingFeatureOf('feature_premium_destinations_not_assigned')).toBe('premiumDestinations');
    expect(missingFeatureOf('insufficient_balance')).toBeNull();
    expect(missingFeatureOf(null)).toBeNull();
  });
});

describe('featuresAt', () => {
  const history = [
    { from: '2025-03-01T10:00:00Z', features: 'a' },
    { from: '2025-03-02T10:00:00Z', features: 'b' },
  ];
  it('takes the set in force at the instant: the last recorded at or before it', () => {
    expect(featuresAt(history, '2025-03-01T09:59:59Z', 'default')).toBe('default');
    expect(featuresAt(history, '2025-03-01T10:00:00Z', 'default')).toBe('a');
    expect(featuresAt(history, '2025-03-02T09:59:59.999Z', 'default')).toBe('a');
    expect(featuresAt(history, '2025-03-03T00:00:00+01:00', 'default')).toBe('b');
  });
});
