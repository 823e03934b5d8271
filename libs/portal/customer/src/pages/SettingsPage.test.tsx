// The settings page against an in-test API: the trunk addresses ITC registered (only if any), next
// to the SIP users and the features, read-only.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsCustomer } from '../test-utils';
import { SettingsPage } from './SettingsPage';

const FEATURES = { followMe: true, callerIdSelfManagement: true, internationalCalls: true, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };
const CUSTOMER = { id: 'c-1', accountNumber: '1000000008', lowBalanceThreshold: '5', lowBalanceEmailEnabled: true, contactEmail: null, language: 'en', features: FEATURES };

function api(trunks: unknown[]) {
  return async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/portal/config') return Response.json({ currency: 'USD', stripePublishableKey: null, languages: ['en', 'es'], sipRealm: 'sip.example' });
    if (path === '/api/v1/customers/c-1') return Response.json(CUSTOMER);
    if (path === '/api/v1/customers/c-1/sip-users') return Response.json({ items: [{ customerId: 'c-1', sipUsername: '1000000008', firstUser: true, displayName: null, callerId: null, effectiveCallerId: null, status: 'active' }] });
    if (path === '/api/v1/customers/c-1/trunk-addresses') return Response.json({ items: trunks });
    return new Response(null, { status: 404 });
  };
}

describe('SettingsPage', () => {
  it('shows the trunk addresses ITC registered, read-only, with their tech prefixes', async () => {
    await renderAsCustomer(<SettingsPage />, api([{ customerId: 'c-1', network: '198.51.100.7/32', techPrefix: '55', addedAt: '2026-12-01T10:00:00Z' }]));
    const heading = await screen.findByRole('heading', { name: 'Trunk addresses' });
    const table = await screen.findByRole('table', { name: 'Trunk addresses' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('198.51.100.7/32');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('55');
    expect(within(heading.parentElement as HTMLElement).queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading', { name: 'SIP users' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your service' })).toBeInTheDocument();
  });

  it('has no trunk section for an account without trunk addresses', async () => {
    await renderAsCustomer(<SettingsPage />, api([]));
    expect(await screen.findByText('1000000008@sip.example')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Trunk addresses' })).toBeNull();
  });

  it('says it in Spanish', async () => {
    await renderAsCustomer(<SettingsPage />, api([{ customerId: 'c-1', network: '198.51.100.7/32', techPrefix: null, addedAt: '2026-12-01T10:00:00Z' }]), 'es');
    const table = await screen.findByRole('table', { name: 'Direcciones de troncal' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Ninguno');
  });
});
