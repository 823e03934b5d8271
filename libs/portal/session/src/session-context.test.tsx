import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { SessionProvider, useSession } from './session-context';
import { SessionStore } from './session-store';

function loggedInStore() {
  let cookie = 'itc_csrf=c';
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const path = String(input);
    if (path.endsWith('/auth/session')) return Response.json({ accessToken: 'a', tokenType: 'Bearer', expiresInSeconds: 900, role: 'customer', subjectId: 'cus-1' });
    if (path.endsWith('/auth/me')) return Response.json({ role: 'customer', subjectId: 'cus-1', username: 'carla' });
    cookie = '';
    return new Response(null, { status: 204 });
  };
  return new SessionStore({ fetch: fetch as typeof globalThis.fetch, readCookies: () => cookie });
}

describe('useSession', () => {
  it('gives the user and the client, and keeps the last user while a logout leaves the page', async () => {
    const store = loggedInStore();
    await store.boot();
    const wrapper = ({ children }: { children: ReactNode }) => <SessionProvider store={store}>{children}</SessionProvider>;
    const { result } = renderHook(() => useSession(), { wrapper });
    expect(result.current).toMatchObject({ role: 'customer', subjectId: 'cus-1', username: 'carla', api: store.api });
    await act(() => store.logout());
    expect(store.user).toBeNull();
    expect(result.current.username).toBe('carla');
  });

  it('throws where no one logged in', () => {
    const store = new SessionStore({ fetch: (async () => new Response(null, { status: 401 })) as typeof globalThis.fetch, readCookies: () => '' });
    const wrapper = ({ children }: { children: ReactNode }) => <SessionProvider store={store}>{children}</SessionProvider>;
    expect(() => renderHook(() => useSession(), { wrapper })).toThrow(/without a logged-in user/);
  });
});
