import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PbxFeaturesList, type PbxFeatures, type PbxFeaturesTexts } from './PbxFeaturesList';

const TEXTS: PbxFeaturesTexts = {
  names: { followMe: 'FollowMe', callerIdSelfManagement: 'Own CallerIDs', internationalCalls: 'International', premiumDestinations: 'Premium', callRecording: 'Recording', voicemail: 'Voicemail' },
  on: 'Included',
  off: 'Not included',
  homeCountryCode: 'Home country code',
  premiumPrefixes: 'Premium prefixes',
  none: 'No features assigned by ITC',
};
const OFF: PbxFeatures = { followMe: false, callerIdSelfManagement: false, internationalCalls: false, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };

function show(features: PbxFeatures) {
  render(
    <MantineProvider>
      <PbxFeaturesList features={features} texts={TEXTS} />
    </MantineProvider>,
  );
}

describe('PbxFeaturesList', () => {
  it('says for each feature whether it is included, then the home country and premium prefixes', () => {
    show({ ...OFF, voicemail: true, internationalCalls: true, homeCountryCode: '351', premiumPrefixes: ['3516', '3517'] });
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'FollowMeNot included',
      'Own CallerIDsNot included',
      'InternationalIncluded',
      'PremiumNot included',
      'RecordingNot included',
      'VoicemailIncluded',
    ]);
    expect(screen.getByText('Home country code: +351')).toBeInTheDocument();
    expect(screen.getByText('Premium prefixes: 3516, 3517')).toBeInTheDocument();
  });

  it('says so when ITC assigned none, without a list of "not included"', () => {
    show(OFF);
    expect(screen.getByText('No features assigned by ITC')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText(/Home country code/)).toBeNull();
  });
});
