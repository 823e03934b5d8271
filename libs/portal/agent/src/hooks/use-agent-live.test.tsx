import { SessionProvider, SessionStore } from '@billing/portal-session';
import { FakeEventSource } from '@billing/portal-ui/testing';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentKeys } from '../api/query-keys.js';
import { useAgentLive } from './use-agent-live.js';

afterEach(() => {
  FakeEventSource.instances = [];
  vi.unstubAllGlobals();
});

describe('useAgentLive', () => {
  // acceptance: a customer's CallerID request (or its refusal) reached the agent's open approvals only after a reload
  it("reads the agent's pages again on `caller-ids` (a customer's CallerID requested, approved, refused or removed)", async () => {
    const fetch = vi.fn(async () => Response.json({ ticket: 't1', expiresInSeconds: 30, streamPath: '/api/v1/reports/live?ticket=t1' }, { status: 201 }));
    const store = new SessionStore({ fetch: fetch as typeof globalThis.fetch, readCookies: () => '' });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    vi.stubGlobal('EventSource', FakeEventSource);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SessionProvider store={store}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </SessionProvider>
    );
    let reads = 0;
    // the approvals card's query, open while the feed is followed
    const { result } = renderHook(
      () => {
        useAgentLive();
        return useQuery({ queryKey: agentKeys.customers({ pending: true, limit: 200 }), queryFn: () => ++reads });
      },
      { wrapper },
    );
    await waitFor(() => expect(result.current.data).toBe(1));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    FakeEventSource.instances[0]!.emit('caller-ids', 'e-1', { customerId: 'c-1', agentId: 'a-1', callerId: '+442079460958', change: 'refused', pendingCallerIds: [] });
    await waitFor(() => expect(result.current.data).toBe(2));
  });
});
