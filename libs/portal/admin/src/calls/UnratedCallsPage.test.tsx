import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { UnratedCallsPage } from './UnratedCallsPage';

// what the API answers (docs/API.md §11)
const call = { callId: '0f5e2c1a-9b7d-4c3e-8a6f-1d2e3f4a5b6c', startedAt: '2026-12-04T10:00:00Z', reason: 'no_rate', customerId: null, account: '1001', sipUsername: null, sourceIp: null, destination: '+442079460958', billsec: 60 };
const post = vi.fn(() => Promise.resolve({ data: { callId: call.callId, status: 'rated', reason: null, cost: '0.12' }, response: new Response(null, { status: 200 }) }));

// the searches the customer picker sent (GET /customers?search=)
const customersSearched: unknown[] = [];

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: {
      GET: (path: string, init?: { params?: { query?: { search?: string } } }) => {
        if (path === '/api/v1/customers') {
          customersSearched.push(init?.params?.query?.search);
          return Promise.resolve({ data: { items: [{ id: 'c1', accountNumber: '1000000008', contactEmail: 'jo@example.com' }], nextCursor: null }, response: new Response(null, { status: 200 }) });
        }
        return path === '/api/v1/calls/unrated' ? Promise.resolve({ data: { items: [call], nextCursor: null }, response: new Response(null, { status: 200 }) }) : new Promise(() => undefined);
      },
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

describe('UnratedCallsPage: what a re-rate did, and whose calls', () => {
  it('says plainly that nothing was priced, why, and what to do (was "0 calls re-rated, 1 still unrated, 1 left to try")', async () => {
    post.mockImplementation(() => Promise.resolve({ data: { attempted: 1, reRated: 0, stillUnrated: 1, remaining: 1, cost: '0' }, response: new Response(null, { status: 200 }) }) as never);
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <UnratedCallsPage />
      </QueryClientProvider>,
    );
    await screen.findByText('+442079460958');
    fireEvent.click(screen.getByRole('button', { name: 'Re-rate these calls' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('1 call could still not be priced: its reason has not changed.');
    expect(status).toHaveTextContent(/import a rate for it\), then re-rate/);
    expect(status).not.toHaveTextContent(/left to try|priced now|more call/);
  });

  it('picks the customer by account number or e-mail (GET /customers?search=), not by typing its id', async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <UnratedCallsPage />
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('textbox', { name: 'Customer id' })).toBeNull();
    await userEvent.type(screen.getByLabelText('Customer', { selector: 'input' }), '1000000008');
    await waitFor(() => expect(customersSearched).toContain('1000000008'));
  });
});
