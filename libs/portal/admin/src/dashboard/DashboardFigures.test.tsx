import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { StatusBadge } from '../shared/StatusBadge';
import { PeriodTable } from './PeriodTable';
import type { SummarySection } from './summary-wire';

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
}));
vi.mock('@tanstack/react-router', () => ({ Link: () => null }));

const count = (amount: string, n: number) => ({ amount, count: n });
// today: three deposits ($111.75), one of them ($25) reversed (docs/API.md §12 totals.deposits)
const section = {
  deposits: { ...count('111.75', 3), reversed: count('25', 1), toAgents: count('0', 0), toCustomers: count('111.75', 3), bySource: { manual: count('111.75', 3), card: count('0', 0), initial: count('0', 0) } },
  transfers: count('0', 0),
  commissions: { accrued: count('0', 0), moved: count('0', 0), reversed: count('0', 0) },
  calls: { attempts: 0, answered: 0, unanswered: 0, unrated: 0, asr: null, acdSeconds: null, billedMinutes: '0', revenue: '0' },
  lowBalanceCrossings: 0,
} as unknown as SummarySection;

describe('dashboard figures', () => {
  it('shows the deposits reversed and the net beside the deposits made (the $111.75 included a reversed one)', () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <PeriodTable today={section} month={section} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('row', { name: /^Deposits reversed/ })).toHaveTextContent('25');
    expect(screen.getByRole('row', { name: /^Net deposits/ })).toHaveTextContent('86.75');
  });

  it('a state badge is never narrower than its word (a table column squeezed it to "LO…")', () => {
    renderAdmin(<StatusBadge color="yellow">Low</StatusBadge>);
    expect(screen.getByText('Low').closest('.mantine-Badge-root')).toHaveStyle({ minWidth: 'max-content' });
  });
});
