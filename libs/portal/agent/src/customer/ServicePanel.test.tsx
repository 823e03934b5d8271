import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { ServicePanel } from './ServicePanel.js';

const FEATURES = { followMe: true, callerIdSelfManagement: false, internationalCalls: true, premiumDestinations: false, callRecording: false, voicemail: true, homeCountryCode: '351', premiumPrefixes: ['3516', '3517'] };
const NONE = { followMe: false, callerIdSelfManagement: false, internationalCalls: false, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };

describe('ServicePanel (agent: trunks and PBX features, read-only)', () => {
  it("lists the customer's trunk addresses with their tech prefixes and the features ITC assigned", async () => {
    const { sent } = await renderAsAgent(<ServicePanel customerId="c-1" features={FEATURES} />, (call) => {
      if (call.path === '/api/v1/customers/c-1/trunk-addresses') {
        return Response.json({ items: [
          { customerId: 'c-1', network: '203.0.113.0/24', techPrefix: '1234#', addedAt: '2026-12-01T10:00:00Z' },
          { customerId: 'c-1', network: '2001:db8::/48', techPrefix: null, addedAt: '2026-12-02T10:00:00Z' },
        ] });
      }
      return new Response(null, { status: 404 });
    });
    const table = screen.getByRole('table', { name: 'Trunks' });
    await within(table).findByText('203.0.113.0/24');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('203.0.113.0/24');
    expect(rows[1]).toHaveTextContent('1234#');
    expect(rows[2]).toHaveTextContent('2001:db8::/48');
    expect(rows[2]).toHaveTextContent('None');
    expect(screen.getByRole('heading', { name: 'PBX features' })).toBeInTheDocument();
    const voicemail = screen.getByText('Voicemail').closest('li');
    expect(voicemail).toHaveTextContent('Included');
    expect(screen.getByText('Call recording').closest('li')).toHaveTextContent('Not included');
    expect(screen.getByText('Home country code: +351')).toBeInTheDocument();
    expect(screen.getByText('Premium prefixes: 3516, 3517')).toBeInTheDocument();
    // read-only: nothing to change, and only the list was asked for
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/v1/customers/c-1/trunk-addresses']);
    const result = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('says so when there is no trunk address and no feature', async () => {
    await renderAsAgent(<ServicePanel customerId="c-1" features={NONE} />, () => Response.json({ items: [] }));
    expect(await screen.findByText('No trunk addresses')).toBeInTheDocument();
    expect(screen.getByText('No features assigned by ITC')).toBeInTheDocument();
    expect(screen.queryByText('Voicemail')).toBeNull();
  });
});
