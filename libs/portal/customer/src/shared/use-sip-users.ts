import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/** GET /customers/{id}/sip-users of the logged-in customer (settings and the calls' filter share the query). */
export function useSipUsers() {
  const { api, subjectId } = useSession();
  return useQuery({
    queryKey: customerKeys.sipUsers(subjectId),
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/sip-users', { params: { path: { id: subjectId } } })),
  });
}
