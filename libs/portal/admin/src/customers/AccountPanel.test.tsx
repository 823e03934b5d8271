import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { AccountPanel } from './AccountPanel';
import type { Customer } from './customer-wire';

// the reads never answer: this test reads the customer's own terms
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
}));

const customer = {
  id: 'c1', accountNumber: '1001', agentId: null, batchId: null, status: 'active', billingType: 'prepaid', creditLimit: null, rateSheetId: null,
  maxConcurrentCalls: 2, maxCallDurationSeconds: 3600, lowBalanceThreshold: '5', contactEmail: null, language: 'pt-BR', openedAt: '2026-01-01T00:00:00Z',
} as unknown as Customer;

describe('AccountPanel', () => {
  it('says the language in its own name, not its code', () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <AccountPanel customer={customer} agentName={null} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('row', { name: /Language/ })).toHaveTextContent('Português (Brasil)');
  });
});
