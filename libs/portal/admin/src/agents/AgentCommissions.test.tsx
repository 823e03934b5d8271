import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { AgentCommissions } from './AgentCommissions';

// what the API answers (docs/API.md §7 GET /agents/{id}/commissions, JSON and ?format=csv)
const line = { id: 'm-1', type: 'CommissionAccrued', kind: 'commission:transfer', ref: 'tr-1', customerId: 'c-1', baseAmount: '20', commissionPercent: '2.5', amount: '0.5', commissionBalanceAfter: '2', occurredAt: '2026-12-04T10:00:00Z' };
const authFetch = vi.fn<(path: string, init?: RequestInit) => Promise<Response>>();

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    authFetch,
    api: { GET: () => Promise.resolve({ data: { items: [line], nextCursor: null }, response: new Response(null, { status: 200 }) }) },
  }),
}));

function renderCommissions() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <AgentCommissions agentId="ag 1" />
    </QueryClientProvider>,
  );
}

describe('AgentCommissions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    authFetch.mockReset();
  });

  // acceptance: ITC could see an agent's commission lines but not download them
  it('downloads every commission line as the CSV the API names', async () => {
    const saved: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:commissions');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    authFetch.mockResolvedValue(new Response('id,type\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="commissions-ag_1.csv"' } }));
    renderCommissions();
    expect(await screen.findByText('2.5 %')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toEqual(['commissions-ag_1.csv']));
    expect(authFetch).toHaveBeenCalledWith('/api/v1/agents/ag%201/commissions?format=csv', { headers: { Accept: 'text/csv' } });
  });

  it("shows the API's refusal of the download", async () => {
    authFetch.mockResolvedValue(Response.json({ type: 'urn:itc-billing:problem:not_found', title: 'not_found', status: 404, code: 'not_found', detail: 'The agent does not exist.' }, { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    renderCommissions();
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText(/The agent does not exist/)).toBeInTheDocument();
  });
});
