import { useLiveEvents, type LiveEvent } from '@billing/portal-ui';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/** Re-reads arrive at most this often, however busy the feed is. */
const REFRESH_MS = 2_000;

/**
 * Keeps a page current from the admin live feed: the feed's events of the given types re-read
 * the queries under `queryKey` (throttled), so balances and lines move without a reload.
 */
export function useLiveRefresh(queryKey: QueryKey, types: readonly string[], onEvent?: (event: LiveEvent) => void): void {
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = useRef(queryKey);
  key.current = queryKey;
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  useLiveEvents(
    '/api/v1/reports/stream-tickets',
    (event) => {
      onEvent?.(event);
      pending.current ??= setTimeout(() => {
        pending.current = null;
        void queryClient.invalidateQueries({ queryKey: key.current });
      }, REFRESH_MS);
    },
    { types },
  );
}
