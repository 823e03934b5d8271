import { useSession, orThrow } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/** GET /portal/config (currency, Stripe publishable key); cached, it changes only on a restart. */
export function usePortalConfig() {
  const { api } = useSession();
  return useQuery({ queryKey: agentKeys.config(), queryFn: () => orThrow(api.GET('/api/v1/portal/config')), staleTime: 5 * 60_000 });
}

/** The deployment's currency ('' until the config arrives). */
export function useCurrency(): string {
  return usePortalConfig().data?.currency ?? '';
}
