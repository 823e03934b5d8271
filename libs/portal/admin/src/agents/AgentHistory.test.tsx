import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { AgentHistory } from './AgentHistory';

// what the API answers (docs/API.md §4 GET /agents/{id}/changes, §9 GET /rate-sheets)
const answers: Record<string, unknown> = {
  '/api/v1/agents/{id}/changes': {
    items: [
      { version: 2, type: 'AgentRateSheetChanged', actor: 'admin:admin', occurredAt: '2026-01-02T00:00:00Z', changes: { rateSheetId: { from: 'itc-base', to: 'acme-sell' } } },
      { version: 3, type: 'AgentContactUpdated', actor: 'agent:a1', occurredAt: '2026-01-03T00:00:00Z', changes: { name: { from: 'Acme', to: 'Acme Telecom' } } },
    ],
    nextCursor: null,
  },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 'acme-sell' }], nextCursor: null },
  '/api/v1/rate-sheets': {
    items: [
      { sheetId: 'itc-base', kind: 'base', name: 'ITC base', baseSheetId: null, ownerAgentId: null },
      { sheetId: 'acme-sell', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: null },
    ],
  },
};

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)) },
  }),
}));

describe('AgentHistory', () => {
  it('names the sheets and the people, not their ids', async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <AgentHistory agentId="a1" />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('Rate sheet: ITC base — base deck → Acme sell — derived from ITC base')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'ITC (admin)' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Acme Telecom (agent)' })).toBeInTheDocument();
  });
});
