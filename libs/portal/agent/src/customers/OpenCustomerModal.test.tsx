import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { keepFirstCredentials } from './CredentialsView.js';
import { OpenCustomerModal } from './OpenCustomerModal.js';

// no router here: the dialog's link to the customer as a plain link.
vi.mock('../hooks/links.js', () => ({ ButtonLink: ({ children }: { children: ReactNode }) => <a href="#customer">{children}</a> }));

const credentials = { accountNumber: '1000000016', sipUsername: '1000000016', sipPassword: 'sip-secret', sipRealm: 'localhost', portalUsername: '1000000016', portalPassword: 'portal-secret' };
const opened = (withPasswords: boolean) => Response.json({ customer: { id: 'c-1' }, ...(withPasswords ? { credentials } : {}) }, { status: withPasswords ? 201 : 200 });
const profiles = () => Response.json({ items: [{ id: 'p-1', name: 'Basic', billingType: 'prepaid', status: 'active', ownerAgentId: 'agent-7' }], nextCursor: null });

describe('OpenCustomerModal', () => {
  it('a double click sends one request and shows the passwords', async () => {
    let release: () => void = () => undefined;
    const { sent } = await renderAsAgent(<OpenCustomerModal opened onClose={() => undefined} initialProfileId="p-1" />, (call) => {
      if (call.method === 'GET') return profiles();
      return new Promise<Response>((resolve) => {
        release = () => resolve(opened(true));
      });
    });
    const button = await screen.findByRole('button', { name: 'Open customer' });
    const form = button.closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(sent.filter((call) => call.method === 'POST')).toHaveLength(1));
    fireEvent.submit(form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect(await screen.findByText('portal-secret')).toBeInTheDocument();
    expect(sent.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('a replay answer without passwords does not replace the shown ones', () => {
    const first = keepFirstCredentials(null, { customer: { id: 'c-1' }, credentials });
    expect(first?.portalPassword).toBe('portal-secret');
    expect(keepFirstCredentials(first, { customer: { id: 'c-1' } })).toBe(first);
    expect(keepFirstCredentials(first, { customer: { id: 'c-1' }, credentials: { ...credentials, sipPassword: '', portalPassword: '' } })).toBe(first);
    expect(keepFirstCredentials(null, { customer: { id: 'c-1' }, credentials: null })).toBeNull();
  });
});
