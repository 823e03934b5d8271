import { orThrow, useSession } from '@billing/portal-session';
import { useInfiniteQuery } from '@tanstack/react-query';
import { customerKeys } from '../shared/customer-api.js';
import { callsApiQuery, type CallSearch } from './call-search.js';

/** Calls fetched per request while scrolling (the API allows 500). */
export const CALL_PAGE_SIZE = 200;

/** The customer's calls matching `search`, newest first, one cursor page at a time. */
export function useCallPages(search: CallSearch, enabled: boolean) {
  const { api, subjectId } = useSession();
  return useInfiniteQuery({
    queryKey: [...customerKeys.calls(subjectId), search],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      orThrow(
        api.GET('/api/v1/customers/{id}/calls', {
          params: { path: { id: subjectId }, query: { ...callsApiQuery(search), limit: CALL_PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }) } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
