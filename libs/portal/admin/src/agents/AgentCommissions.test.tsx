import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { AgentCommissions } from './AgentCommissions';

// what the API answers (docs/API.md §7 GET /agents/{id}/commissions, JSON and ?format=csv)
const line = { id: 'm-1', type: 'CommissionAccrued', kind: 'commission:transfer', ref: 'tr-1', customerId: 'c-1', baseAmount: '20', commissionPercent: '2.5', amount: '0.5', commissionBalanceAfter: '2', occurredAt: '2026-12-04T10:00:00Z' };
const moved = { id: 'm-2', type: 'CommissionTransferred', kind: 'commission-transfer', ref: 'ct-1', customerId: null, baseAmount: null, commissionPercent: null, amount: '-2', commissionBalanceAfter: '0', occurredAt: '2026-12-05T10:00:00Z' };
const authFetch = vi.fn<(path: string, init?: RequestInit) => Promise<Response>>();
const ok = (data: unknown) => Promise.resolve({ data, response: new Response(null, { status: 200 }) });
const customerRead = { fails: false };
const refused = () => Promise.resolve({ error: { code: 'service_unavailable', status: 503, title: 'service_unavailable', detail: 'accounts cannot be reached' }, response: new Response(null, { status: 503 }) });

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    authFetch,
    // GET /customers/{id} names the line's customer (its account number)
    api: { GET: (path: string) => (path === '/api/v1/customers/{id}' ? (customerRead.fails ? refused() : ok({ id: 'c-1', accountNumber: '100234' })) : ok({ items: [moved, line], nextCursor: null })) },
  }),
}));
vi.mock('@tanstack/react-router', () => ({ Link: ({ children }: { children?: unknown }) => <a href="#">{children as string}</a> }));

function renderCommissions() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })}>
      <AgentCommissions agentId="ag 1" />
    </QueryClientProvider>,
  );
}

describe('AgentCommissions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    authFetch.mockReset();
    customerRead.fails = false;
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

  // acceptance: the table had no customer column though the CSV has customer_id
  it("names each line's customer by its account number (a move to main has none)", async () => {
    renderCommissions();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Customer' })).toBeInTheDocument();
    expect(await within(table).findByRole('link', { name: '100234' })).toBeInTheDocument();
    const [, movedRow, accruedRow] = within(table).getAllByRole('row');
    expect(within(movedRow as HTMLElement).queryByRole('link')).toBeNull();
    expect(within(accruedRow as HTMLElement).getByRole('link', { name: '100234' })).toBeInTheDocument();
  });

  // review: a customer whose account number cannot be read was a link named "…" forever
  it("names the link by the customer's id when its account number cannot be read", async () => {
    customerRead.fails = true;
    renderCommissions();
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('c-1')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'c-1' })).toBeInTheDocument();
  });
});
