import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { ProfilesPage } from './ProfilesPage';

const profile = { status: 'active', billingType: 'prepaid', creditLimit: null, initialBalance: '0', lowBalanceThreshold: '0', maxConcurrentCalls: 1, maxCallDurationSeconds: 10800, language: 'en', features: {}, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
// what the API answers (docs/API.md §4, §5, §9)
const answers: Record<string, unknown> = {
  '/api/v1/customer-profiles': {
    items: [
      { ...profile, id: 'p1', name: 'ITC walk-in', ownerAgentId: null, rateSheetId: null },
      { ...profile, id: 'p2', name: 'Acme prepaid', ownerAgentId: 'a1', rateSheetId: null },
      { ...profile, id: 'p3', name: 'Acme gold', ownerAgentId: 'a1', rateSheetId: 'acme-sell-2' },
    ],
    nextCursor: null,
  },
  '/api/v1/rate-sheets': {
    items: [
      { sheetId: 'itc-base', kind: 'base', name: 'ITC base', baseSheetId: null, ownerAgentId: null },
      { sheetId: 'acme-sell', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: null },
      { sheetId: 'acme-sell-2', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: 'a1' },
    ],
  },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 'acme-sell' }], nextCursor: null },
};

const post = vi.fn((path: string) => Promise.resolve({ data: { path }, response: new Response(null, { status: 200 }) }));

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)), POST: post },
  }),
}));

function showPage() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <ProfilesPage />
    </QueryClientProvider>,
  );
}

async function sheetCell(profileName: string): Promise<HTMLElement> {
  const row = (await screen.findByRole('cell', { name: profileName })).closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[3] as HTMLElement;
}

describe('ProfilesPage', () => {
  it("names the sheet, and what 'no sheet of its own' means for ITC's and for an agent's profile", async () => {
    showPage();
    await screen.findByText(/Acme sell — derived from ITC base by Acme Telecom/);
    expect(await sheetCell('Acme gold')).toHaveTextContent('Acme sell — derived from ITC base by Acme Telecom');
    expect(await sheetCell('Acme prepaid')).toHaveTextContent('Acme sell — derived from ITC base: the sheet ITC assigned to Acme Telecom');
    expect(await sheetCell('ITC walk-in')).toHaveTextContent("Each customer's agent's sheet (the one ITC assigned to it); an ITC-direct customer cannot be opened from this profile");
  });

  it('archives a profile only once it is confirmed, and once for a double click', async () => {
    showPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for ITC walk-in' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Archive' }));
    const dialog = await screen.findByRole('dialog', { name: 'Archive ITC walk-in?' });
    expect(post).not.toHaveBeenCalled();
    const confirm = within(dialog).getByRole('button', { name: 'Archive' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/api/v1/customer-profiles/{id}/archive', { params: { path: { id: 'p1' } } });
  });
});
