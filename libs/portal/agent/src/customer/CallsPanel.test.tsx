import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { CallsPanel } from './CallsPanel.js';

const call = { callId: 'call-1', startedAt: '2026-12-04T10:00:00Z', sipUsername: '1000000016', destination: '442079460958', destinationName: 'United Kingdom', status: 'rated', billedSeconds: 60, cost: '0.12' };

describe('CallsPanel', () => {
  it('names the SIP user of a call by its display name, with the username', async () => {
    await renderAsAgent(<CallsPanel customerId="c-1" search={{ tab: 'calls' }} onSearch={() => undefined} />, (sent) => {
      if (sent.path.startsWith('/api/v1/customers/c-1/sip-users')) return Response.json({ items: [{ sipUsername: '1000000016', displayName: 'Reception', status: 'active' }] });
      return Response.json({ items: [call], nextCursor: null });
    });
    const table = await screen.findByRole('table', { name: 'Calls' });
    expect(await within(table).findByText('Reception (1000000016)')).toBeInTheDocument();
  });
});
