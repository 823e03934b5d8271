import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { UnratedCallsPage } from './UnratedCallsPage';

// what the API answers (docs/API.md §11)
const call = { callId: '0f5e2c1a-9b7d-4c3e-8a6f-1d2e3f4a5b6c', startedAt: '2026-12-04T10:00:00Z', reason: 'no_rate', customerId: null, account: '1001', sipUsername: null, sourceIp: null, destination: '+442079460958', billsec: 60 };
const post = vi.fn(() => Promise.resolve({ data: { callId: call.callId, status: 'rated', reason: null, cost: '0.12' }, response: new Response(null, { status: 200 }) }));

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: {
      GET: (path: string) => (path === '/api/v1/calls/unrated' ? Promise.resolve({ data: { items: [call], nextCursor: null }, response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)),
      POST: post,
    },
  }),
  // the live feed never connects here
  useSessionStore: () => ({ authFetch: () => new Promise(() => undefined) }),
}));
vi.mock('@tanstack/react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tanstack/react-router')>()),
  useSearch: () => ({}),
  useNavigate: () => vi.fn(),
}));

describe('UnratedCallsPage', () => {
  it('names a call by its destination and start, never by its id', async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <UnratedCallsPage />
      </QueryClientProvider>,
    );
    const at = new Date(call.startedAt).toLocaleString('en');
    fireEvent.click(await screen.findByRole('button', { name: `Re-rate the call to +442079460958 of ${at}` }));
    expect(await screen.findByText(`The call to +442079460958 of ${at} is rated now:`, { exact: false })).toBeInTheDocument();
    expect(post).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).not.toContain(call.callId);
  });
});
