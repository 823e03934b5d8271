import { createContext, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '@billing/portal-api-client';
import type { PortalRole, SessionStore, SessionUser } from './session-store.js';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

/** The store itself (login, logout, authFetch); throws outside SessionProvider. */
export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (store === null) throw new Error('useSessionStore outside <SessionProvider>');
  return store;
}

/** The logged-in user (null on the login page), re-rendered when it changes. */
export function useSessionUser(): SessionUser | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export interface Session {
  role: PortalRole;
  subjectId: string;
  username: string;
  /** the typed API client (bearer token, 401 → restore once). */
  api: ApiClient;
  authFetch: SessionStore['authFetch'];
  logout: () => Promise<void>;
}

/**
 * For pages under a role layout, which only render with a user. Right after a logout or an
 * expired session the page still renders once before the router leaves it: it keeps the last user
 * then (its requests get 401s, nothing more). Throws only where no one ever logged in.
 */
export function useSession(): Session {
  const store = useSessionStore();
  const current = useSessionUser();
  const last = useRef(current);
  if (current !== null) last.current = current;
  const user = last.current;
  if (user === null) throw new Error('useSession without a logged-in user');
  return { ...user, api: store.api, authFetch: store.authFetch, logout: () => store.logout() };
}
