import { SessionProvider, SessionStore } from '@billing/portal-session';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from './testing';
import { useLiveEvents, type LiveEvent } from './use-live-events';

afterEach(() => {
  FakeEventSource.instances = [];
  vi.unstubAllGlobals();
});

function setup() {
  const tickets: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    tickets.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return Response.json({ ticket: `t${tickets.length}`, expiresInSeconds: 30, streamPath: `/api/v1/reports/live?ticket=t${tickets.length}` }, { status: 201 });
  });
  const store = new SessionStore({ fetch: fetch as typeof globalThis.fetch, readCookies: () => '' });
  const wrapper = ({ children }: { children: ReactNode }) => <SessionProvider store={store}>{children}</SessionProvider>;
  vi.stubGlobal('EventSource', FakeEventSource);
  return { tickets, wrapper };
}

describe('useLiveEvents', () => {
  it('opens the feed with a fresh ticket, hands over each event, resumes after an error with a new ticket and the last id, closes on unmount', async () => {
    const { tickets, wrapper } = setup();
    const events: LiveEvent[] = [];
    const { unmount } = renderHook(() => useLiveEvents('/api/v1/reports/stream-tickets', (event) => events.push(event)), { wrapper });

    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const first = FakeEventSource.instances[0]!;
    expect(tickets).toEqual(['POST /api/v1/reports/stream-tickets']);
    expect(first.url).toBe('/api/v1/reports/live?ticket=t1');

    first.emit('balance', 'e-5', { accountId: 'c-1', balance: '12.5' });
    expect(events).toEqual([{ type: 'balance', id: 'e-5', data: { accountId: 'c-1', balance: '12.5' } }]);

    first.onerror?.(); // the server went away: the spent ticket cannot reopen it
    expect(first.closed).toBe(true);
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 3000 });
    const second = FakeEventSource.instances[1]!;
    expect(tickets).toHaveLength(2);
    expect(second.url).toBe('/api/v1/reports/live?ticket=t2&lastEventId=e-5');

    unmount();
    expect(second.closed).toBe(true);
  });

  it('does nothing while disabled', async () => {
    const { tickets, wrapper } = setup();
    renderHook(() => useLiveEvents('/api/v1/reports/stream-tickets', () => undefined, { enabled: false }), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tickets).toEqual([]);
    expect(FakeEventSource.instances).toEqual([]);
  });
});
