import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { BalanceCard } from './BalanceCard';

// what GET /customers/{id}/balance answers (docs/API.md §7): no `belowThreshold` in it
const answer = { customerId: 'c1', account: '1001', status: 'active', billingType: 'prepaid', agentId: null, balance: '3.5', held: '0', available: '3.5', creditLimit: '0', inDebt: false, debt: '0', lowBalanceThreshold: '5', updatedAt: '2026-01-01T00:00:00Z' };
let body: typeof answer = answer;

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: {
      // the balance answers; the currency (GET /portal/config) never does: amounts stay plain digits
      GET: (path: string) => (path === '/api/v1/customers/{id}/balance' ? Promise.resolve({ data: body, response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)),
    },
  }),
}));

function show() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <BalanceCard customerId="c1" />
    </QueryClientProvider>,
  );
}

describe('BalanceCard', () => {
  it('shows "below its threshold" from the balance and the threshold the API sends', async () => {
    body = answer;
    show();
    expect(await screen.findByText('Below its threshold')).toBeInTheDocument();
  });

  it('shows no low-balance badge at or above the threshold', async () => {
    body = { ...answer, balance: '5', available: '5' };
    show();
    expect(await screen.findByText('Available')).toBeInTheDocument();
    expect(screen.queryByText('Below its threshold')).toBeNull();
  });
});
