import { useSession, orThrow } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/** GET /customers/{id} (the agent's own customer). */
export function useCustomer(customerId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: [...agentKeys.customer(customerId), 'details'],
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}', { params: { path: { id: customerId } } })),
  });
}
