import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/** GET /customers/{id}/trunk-addresses of the logged-in customer (read-only: ITC manages them). */
export function useTrunkAddresses() {
  const { api, subjectId } = useSession();
  return useQuery({
    queryKey: customerKeys.trunkAddresses(subjectId),
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/trunk-addresses', { params: { path: { id: subjectId } } })),
  });
}
