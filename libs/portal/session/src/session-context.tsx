import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
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

/** For pages under a role layout, which only render with a user; throws elsewhere. */
export function useSession(): Session {
  const store = useSessionStore();
  const user = useSessionUser();
  if (user === null) throw new Error('useSession without a logged-in user');
  return { ...user, api: store.api, authFetch: store.authFetch, logout: () => store.logout() };
}
