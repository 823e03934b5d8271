// On a phone (390 px) the admin lists show a row's key figures without scrolling sideways: the
// minor columns go under the key ones (the acceptance run found 720–820 px tables there).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentsPage } from '../agents/AgentsPage';
import { CustomersPage } from '../customers/CustomersPage';
import { UnratedCallsPage } from '../calls/UnratedCallsPage';
import { PeriodTable } from '../dashboard/PeriodTable';
import type { SummarySection } from '../dashboard/summary-wire';
import { renderAdmin } from './render';

// what the API answers (docs/API.md §6, §7, §11)
const answers: Record<string, unknown> = {
  '/api/v1/customers': { items: [{ id: 'c1', accountNumber: '1000000008', agentId: 'a1', status: 'active', billingType: 'prepaid', contactEmail: 'jo@example.com' }], nextCursor: null },
  '/api/v1/wallet/balances': { items: [{ id: 'c1', account: 'customer:c1', balance: '12.5', inDebt: false, belowThreshold: false }], nextCursor: null },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', username: 'acme', contactEmail: 'ops@acme.example', status: 'active', commissionPercent: '10', rateSheetId: 's1' }], nextCursor: null },
  '/api/v1/calls/unrated': { items: [{ callId: 'x', startedAt: '2026-12-04T10:00:00Z', reason: 'no_rate', customerId: null, account: '1001', sipUsername: null, sourceIp: null, destination: '+442079460958', billsec: 60 }], nextCursor: null },
};

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)) } }),
  useSessionStore: () => ({ authFetch: () => new Promise(() => undefined), api: { GET: () => new Promise(() => undefined) } }),
}));
vi.mock('@tanstack/react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tanstack/react-router')>()),
  Link: () => null,
  useSearch: () => ({}),
  useNavigate: () => vi.fn(),
}));

const headers = () => screen.getAllByRole('columnheader').map((cell) => cell.textContent);
const show = (page: React.ReactElement) => renderAdmin(<QueryClientProvider client={new QueryClient()}>{page}</QueryClientProvider>);

beforeEach(() => {
  // a 390 px screen: Mantine's `sm` query matches
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: query.includes('max-width: 36em'), media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false }));
});

describe('admin lists on a phone', () => {
  it('customers: account (agent and billing under it), balance, status', async () => {
    show(<CustomersPage />);
    expect(await screen.findByText(/Acme Telecom · Prepaid/)).toBeInTheDocument();
    expect(headers()).toEqual(['Account', 'Balance', 'Status']);
  });

  it('agents: name (username under it), balance, status', async () => {
    show(<AgentsPage />);
    expect(await screen.findByText('acme')).toBeInTheDocument();
    expect(headers()).toEqual(['Name', 'Balance', 'Status']);
  });

  it('unrated calls: the number (start and seconds under it), the reason (account under it), re-rate', async () => {
    show(<UnratedCallsPage />);
    expect(await screen.findByText('+442079460958')).toBeInTheDocument();
    expect(headers()).toEqual(['Destination', 'Reason', '']);
  });

  it("dashboard's today and this month: a figure's name on a row of its own, its two values under it (the month column was cut off)", () => {
    const count = { amount: '1062.845678', count: 3 };
    const section = {
      deposits: { ...count, reversed: count, toAgents: count, toCustomers: count, bySource: { manual: count, card: count, initial: count } },
      transfers: count,
      commissions: { accrued: count, moved: count, reversed: count },
      calls: { attempts: 5, answered: 4, unanswered: 1, unrated: 1, asr: '80', acdSeconds: '57.5', billedMinutes: '3.68', revenue: '0.527' },
      lowBalanceCrossings: 0,
    } as unknown as SummarySection;
    show(<PeriodTable today={section} month={section} />);
    expect(headers().slice(0, 3)).toEqual(['Today', 'This month', 'Calls']);
    expect(screen.getByRole('columnheader', { name: 'Deposits' })).toHaveAttribute('colspan', '2');
  });
});
