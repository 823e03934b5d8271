import { useSession, orThrow } from '@billing/portal-session';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { BalancePage, BalanceRow } from '../api/types.js';
import type { CustomersSearch } from '../search.js';

/** The agent's customers matching the URL's filters, a cursor page at a time. */
export function useCustomerList(search: CustomersSearch) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: agentKeys.customers({ list: search }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      orThrow(api.GET('/api/v1/customers', { params: { query: { limit: 50, ...(search.q === undefined ? {} : { search: search.q }), ...(search.status === undefined ? {} : { status: search.status }), ...(search.pending === true ? { pendingCallerIds: 'true' as const } : {}), ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The balances of the listed customers (one request per 200 ids), by customer id. */
export function useBalancesOf(ids: readonly string[]) {
  const { api } = useSession();
  const joined = ids.join(',');
  return useQuery({
    queryKey: agentKeys.balances(joined),
    enabled: ids.length > 0,
    queryFn: async () => {
      const byId = new Map<string, BalanceRow>();
      for (let start = 0; start < ids.length; start += 200) {
        const page = await asJson<BalancePage>(api.GET('/api/v1/wallet/balances', { params: { query: { kind: 'customer', ids: ids.slice(start, start + 200).join(','), limit: 200 } } }));
        for (const row of page.items) byId.set(row.id, row);
      }
      return byId;
    },
  });
}
