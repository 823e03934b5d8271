import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';

/** GET /portal/config: the currency and whether card top-up is offered (cached 5 min like the API says). */
export function usePortalConfig() {
  const { api } = useSession();
  return useQuery({
    queryKey: ['portal-config'],
    queryFn: () => orThrow(api.GET('/api/v1/portal/config')),
    staleTime: 300_000,
  });
}
