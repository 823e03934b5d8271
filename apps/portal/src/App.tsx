import { SessionProvider, type SessionStore } from '@billing/portal-session';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { createPortalRouter } from './router.js';

/** Session, queries and routes; a login or logout re-runs the route guards. */
export function App({ session, queryClient }: { session: SessionStore; queryClient: QueryClient }) {
  const [router] = useState(() => createPortalRouter({ session, queryClient }));
  useEffect(
    () =>
      session.subscribe(() => {
        // another login must not see the previous one's data.
        if (session.user === null) queryClient.clear();
        void router.invalidate();
      }),
    [session, queryClient, router],
  );
  return (
    <SessionProvider store={session}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </SessionProvider>
  );
}
