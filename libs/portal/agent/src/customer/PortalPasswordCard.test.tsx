import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { PortalPasswordCard } from './PortalPasswordCard.js';

describe('PortalPasswordCard', () => {
  it('asks first, then posts once and shows the new portal password', async () => {
    const { sent } = await renderAsAgent(<PortalPasswordCard customerId="c-1" />, () => Response.json({ portalUsername: '1000000016', portalPassword: 'new-secret' }));
    fireEvent.click(screen.getByRole('button', { name: 'New portal password' }));
    expect(sent).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, replace the portal password' }));
    expect(await screen.findByText('new-secret')).toBeInTheDocument();
    expect(sent.filter((call) => call.method === 'POST' && call.path === '/api/v1/customers/c-1/portal-password')).toHaveLength(1);
  });
});
