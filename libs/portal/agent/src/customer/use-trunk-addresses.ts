import { useSession, orThrow } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/** GET /customers/{id}/trunk-addresses: what ITC registered for the customer's PBX (the agent reads only). */
export function useTrunkAddresses(customerId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: [...agentKeys.customer(customerId), 'trunk-addresses'],
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/trunk-addresses', { params: { path: { id: customerId } } })),
  });
}
