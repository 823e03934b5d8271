import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { agentKeys } from '../agents/agent-wire';
import { useAgentOptions } from './use-options';

let agents = [{ id: 'a1', name: 'Acme Telecom', rateSheetId: 's1' }];
const get = vi.fn(() => Promise.resolve({ data: { items: agents, nextCursor: null }, response: new Response(null, { status: 200 }) }));

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: get } }),
}));

describe('useAgentOptions', () => {
  it('knows an agent registered in this session at once (registering invalidates the agents)', async () => {
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useAgentOptions(), { wrapper });
    await waitFor(() => expect(result.current.map((agent) => agent.name)).toEqual(['Acme Telecom']));
    agents = [...agents, { id: 'a2', name: 'Beta Voice', rateSheetId: 's1' }];
    // what CreateAgentModal does once POST /agents answered
    await client.invalidateQueries({ queryKey: agentKeys.all });
    await waitFor(() => expect(result.current.map((agent) => agent.name)).toEqual(['Acme Telecom', 'Beta Voice']));
  });
});
