import { useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { CustomerBalance } from '../api/types.js';

export function useCustomerBalance(customerId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: [...agentKeys.customer(customerId), 'balance'],
    queryFn: () => asJson<CustomerBalance>(api.GET('/api/v1/customers/{id}/balance', { params: { path: { id: customerId } } })),
  });
}
