import { orThrow, useSession } from '@billing/portal-session';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customer-wire.js';
import { useGuardedMutation } from '@billing/portal-ui';

/** GET /customers/{id}. */
export function useCustomer(customerId: string) {
  const { api } = useSession();
  return useQuery({
    queryKey: customerKeys.customer(customerId),
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}', { params: { path: { id: customerId } } })),
  });
}

/** A command on one customer: afterwards its reads (and the lists) are fetched again (read-your-writes). */
export function useCustomerCommand<TVariables, TResult>(customerId: string, run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
