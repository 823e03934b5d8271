import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';

/** The deployment's currency from GET /portal/config (public, cached 5 min as the API says); null until known. */
export function useCurrency(): string | null {
  const { api } = useSession();
  const config = useQuery({
    queryKey: ['portal-config'],
    queryFn: () => orThrow(api.GET('/api/v1/portal/config')),
    staleTime: 300_000,
  });
  return config.data?.currency ?? null;
}
