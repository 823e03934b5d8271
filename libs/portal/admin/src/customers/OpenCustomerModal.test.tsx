import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { OpenCustomerModal } from './OpenCustomerModal';

const profile = { status: 'active', billingType: 'prepaid', creditLimit: null, rateSheetId: null };
// what the API answers (docs/API.md §4, §5): ITC's and an agent's profile may share a name
const answers: Record<string, unknown> = {
  '/api/v1/customer-profiles': {
    items: [
      { ...profile, id: 'p1', name: 'Prepaid 5', ownerAgentId: null },
      { ...profile, id: 'p2', name: 'Prepaid 5', ownerAgentId: 'a1' },
      { ...profile, id: 'p3', name: 'Old', ownerAgentId: null, status: 'archived' },
    ],
    nextCursor: null,
  },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 's1' }], nextCursor: null },
};

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)) },
  }),
}));

describe('OpenCustomerModal', () => {
  it("names each profile with its owner, so ITC's and an agent's of the same name differ", async () => {
    const client = new QueryClient();
    renderAdmin(
      <QueryClientProvider client={client}>
        <OpenCustomerModal opened onClose={vi.fn()} />
      </QueryClientProvider>,
    );
    // the list opens only once there are profiles to list
    await waitFor(() => expect(client.getQueryData(['customer-profiles', 'options'])).toBeDefined());
    await userEvent.click(screen.getByRole('combobox', { name: /^Profile/ }));
    expect(await screen.findByRole('option', { name: "Prepaid 5 — ITC's", hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: "Prepaid 5 — Acme Telecom's", hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Old/, hidden: true })).toBeNull();
  });
});
