import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { SheetPage } from './SheetPage';

// what the API answers (docs/API.md §4, §9): a sheet an agent derived
const answers: Record<string, unknown> = {
  '/api/v1/rate-sheets/{id}': {
    sheetId: 'acme-sell', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: 'a1', markupPercent: '20', markups: [], versions: [],
    rows: { versionId: null, items: [], nextCursor: null },
  },
  '/api/v1/rate-sheets': { items: [{ sheetId: 'itc-base', kind: 'base', name: 'ITC base', baseSheetId: null, ownerAgentId: null }, { sheetId: 'acme-sell', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: 'a1' }] },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 'itc-base' }], nextCursor: null },
};

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)) },
  }),
}));
vi.mock('@tanstack/react-router', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tanstack/react-router')>()),
  useParams: () => ({ sheetId: 'acme-sell' }),
  useSearch: () => ({}),
  useNavigate: () => vi.fn(),
  // links need a router; this test reads their text only
  Link: ({ children }: { children?: unknown }) => <a href="#">{children as string}</a>,
}));

describe('SheetPage', () => {
  it("says whose sheet it is and what it derives from, by name", async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <SheetPage />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Owner: Acme Telecom')).toBeInTheDocument();
    expect(await screen.findByText('ITC base — base deck')).toBeInTheDocument();
  });
});
