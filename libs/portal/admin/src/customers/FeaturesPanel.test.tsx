import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import type { Customer, Features } from './customer-wire';
import { FeaturesPanel } from './FeaturesPanel';

const features: Features = { followMe: true, callerIdSelfManagement: false, internationalCalls: true, premiumDestinations: false, callRecording: false, voicemail: false, homeCountryCode: null, premiumPrefixes: [] };
// what the API answers (docs/API.md §6a GET /customers/{id}/features/changes)
const answers: Record<string, unknown> = {
  '/api/v1/customers/{id}/features/changes': {
    items: [
      { effectiveFrom: '2026-01-01T00:00:00Z', actor: 'agent:a1', features },
      { effectiveFrom: '2026-01-02T00:00:00Z', actor: 'admin:admin', features: { ...features, voicemail: true } },
    ],
  },
  '/api/v1/agents': { items: [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 's1' }], nextCursor: null },
};

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path in answers ? Promise.resolve({ data: answers[path], response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)) },
  }),
}));

describe('FeaturesPanel history', () => {
  it('says who changed the features, not role:subject', async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <FeaturesPanel customer={{ id: 'c1', status: 'active', features } as unknown as Customer} />
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('cell', { name: 'ITC (admin)' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Acme Telecom (agent)' })).toBeInTheDocument();
    expect(screen.queryByText(/^(agent|admin):/)).toBeNull();
  });
});
