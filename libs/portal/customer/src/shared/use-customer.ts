import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { customerKeys } from './customer-api.js';

/** The logged-in customer's account (GET /customers/{id}). */
export function useCustomer() {
  const { api, subjectId } = useSession();
  return useQuery({
    queryKey: customerKeys.customer(subjectId),
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}', { params: { path: { id: subjectId } } })),
  });
}
