import { orThrow, useSession } from '@billing/portal-session';
import { useInfiniteQuery } from '@tanstack/react-query';
import { sheetKeys, type SheetWithRows } from './sheet-wire.js';

const PAGE_SIZE = 100;

/** GET /rate-sheets/{id}: the sheet, and its rows of one version (default: in force now) in cursor pages. */
export function useSheet(sheetId: string, version: string | undefined) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: sheetKeys.rows(sheetId, version),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: SheetWithRows) => page.rows.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<SheetWithRows> =>
      orThrow(
        api.GET('/api/v1/rate-sheets/{id}', {
          params: { path: { id: sheetId }, query: { limit: PAGE_SIZE, ...(version === undefined ? {} : { version }), ...(pageParam === undefined ? {} : { cursor: pageParam }) } },
        }),
      ),
  });
}
