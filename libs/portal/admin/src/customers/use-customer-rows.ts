import { orThrow, useSession } from '@billing/portal-session';
import { useInfiniteQuery } from '@tanstack/react-query';
import { asJson } from '../shared/as-json.js';
import { customerKeys, type CustomerBalance, type CustomerListItem, type Page } from './customer-wire.js';
import type { CustomersSearch } from './search.js';

export interface CustomerRow {
  customer: CustomerListItem;
  /** null while the wallet has no account for it. */
  balance: CustomerBalance | null;
}

const PAGE_SIZE = 50;

/** GET /customers (the URL's filters, cursor pages) with each page's balances from GET /wallet/balances. */
export function useCustomerRows(search: CustomersSearch) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: customerKeys.list(search),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<CustomerRow>) => page.nextCursor ?? undefined,
    queryFn: async ({ pageParam }): Promise<Page<CustomerRow>> => {
      const query = {
        limit: PAGE_SIZE,
        ...(pageParam === undefined ? {} : { cursor: pageParam }),
        ...(search.q === undefined ? {} : { search: search.q }),
        ...(search.agentId === undefined ? {} : { agentId: search.agentId }),
        ...(search.status === undefined ? {} : { status: search.status }),
        ...(search.batchId === undefined ? {} : { batchId: search.batchId }),
      };
      const customers = await orThrow(api.GET('/api/v1/customers', { params: { query } }));
      if (customers.items.length === 0) return { items: [], nextCursor: customers.nextCursor };
      const balances = await asJson<Page<CustomerBalance>>(
        api.GET('/api/v1/wallet/balances', { params: { query: { kind: 'customer', ids: customers.items.map((customer) => customer.id).join(','), limit: PAGE_SIZE } } }),
      );
      const byId = new Map(balances.items.map((row) => [row.id, row]));
      return { items: customers.items.map((customer) => ({ customer, balance: byId.get(customer.id) ?? null })), nextCursor: customers.nextCursor };
    },
  });
}
