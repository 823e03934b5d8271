import { useSession, orThrow } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

export function useSipUsers(customerId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: [...agentKeys.customer(customerId), 'sip-users'],
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/sip-users', { params: { path: { id: customerId } } })),
  });
}
