// The settings form against an in-test API: what it sends, and what it refuses to send.
import { SessionProvider, SessionStore } from '@billing/portal-session';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../shared/customer-api';
import { renderWithUi } from '../test-utils';
import { AccountSettingsForm } from './AccountSettingsForm';

const CUSTOMER = { id: 'c-1', accountNumber: '1000000008', lowBalanceThreshold: '5', lowBalanceEmailEnabled: true, contactEmail: 'jo@example.com', language: 'en' } as unknown as Customer;

async function setup() {
  const patches: unknown[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/login') return Response.json({ accessToken: 't', tokenType: 'Bearer', expiresInSeconds: 900, role: 'customer', subjectId: 'c-1' });
    if (path === '/api/v1/auth/me') return Response.json({ role: 'customer', subjectId: 'c-1', username: '1000000008' });
    if (path === '/api/v1/customers/c-1/settings' && request.method === 'PATCH') {
      const body = (await request.json()) as { contactEmail?: string };
      patches.push(body);
      if (body.contactEmail === 'bad') return Response.json({ type: 'urn:x', title: 'Invalid request', status: 400, code: 'validation', detail: 'contactEmail is wrong', errors: [{ path: '/contactEmail', message: 'must be an e-mail address' }] }, { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
      return Response.json({ ...CUSTOMER, ...body });
    }
    return new Response(null, { status: 404 });
  };
  const store = new SessionStore({ baseUrl: 'http://portal.test', fetch: fetch as typeof globalThis.fetch, readCookies: () => '' });
  await store.login('1000000008', 'pw');
  renderWithUi(
    <SessionProvider store={store}>
      <QueryClientProvider client={new QueryClient()}>
        <AccountSettingsForm customer={CUSTOMER} currency="USD" />
      </QueryClientProvider>
    </SessionProvider>,
  );
  return { patches, user: userEvent.setup({ delay: null }) };
}

describe('AccountSettingsForm', () => {
  it('sends the threshold as a decimal string and an emptied e-mail as null', async () => {
    const { patches, user } = await setup();
    const threshold = screen.getByLabelText(/Warn me when my balance is below/);
    await user.clear(threshold);
    await user.type(threshold, '2,50');
    await user.clear(screen.getByLabelText('Contact e-mail'));
    await user.click(screen.getByRole('switch', { name: /E-mail me/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(patches).toEqual([{ lowBalanceThreshold: '2.5', lowBalanceEmailEnabled: false, contactEmail: null, language: 'en' }]);
  });

  it('never sends a threshold that is not an amount, nor an empty one', async () => {
    const { patches, user } = await setup();
    const threshold = screen.getByLabelText(/Warn me when my balance is below/);
    await user.clear(threshold);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an amount like 5 or 2.50 (0 = no warning)')).toBeInTheDocument();
    await user.type(threshold, 'ten');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(patches).toEqual([]);
  });

  it("shows the API's field error next to the e-mail", async () => {
    const { user } = await setup();
    await user.clear(screen.getByLabelText('Contact e-mail'));
    await user.type(screen.getByLabelText('Contact e-mail'), 'bad');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Contact e-mail')).toHaveAccessibleDescription(/must be an e-mail address/));
  });
});
