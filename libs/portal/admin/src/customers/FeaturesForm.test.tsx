import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import type { Features } from './customer-wire';
import { FeaturesForm } from './FeaturesForm';

const features: Features = { followMe: true, callerIdSelfManagement: false, internationalCalls: true, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };

describe('FeaturesForm', () => {
  it("says 'Saved' in the theme's text green, which the portal theme keeps at WCAG AA (green.8 is 3.3:1)", () => {
    renderAdmin(<FeaturesForm features={features} onSave={vi.fn()} saving={false} error={null} saved />);
    expect(screen.getByRole('status')).toHaveStyle({ color: 'var(--mantine-color-green-text)' });
  });
});
