import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { CardTopUpNotice } from './CardTopUpNotice';

let stripePublishableKey: string | null = null;
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSessionStore: () => ({ api: { GET: () => Promise.resolve({ data: { currency: 'USD', stripePublishableKey, languages: ['en', 'es'], sipRealm: 'x' }, response: new Response(null, { status: 200 }) }) } }),
}));

function show() {
  const client = new QueryClient();
  renderAdmin(<QueryClientProvider client={client}><CardTopUpNotice /></QueryClientProvider>);
  return client;
}

describe('CardTopUpNotice', () => {
  it('tells ITC card top-up is off when no Stripe key is configured (GET /portal/config)', async () => {
    stripePublishableKey = null;
    show();
    expect(await screen.findByText('Card top-up is off')).toBeInTheDocument();
  });

  it('says nothing when a key is configured', async () => {
    stripePublishableKey = 'pk_test_x';
    const client = show();
    await waitFor(() => expect(client.getQueryData(['portal-config'])).toBeDefined());
    expect(screen.queryByText('Card top-up is off')).toBeNull();
  });
});
