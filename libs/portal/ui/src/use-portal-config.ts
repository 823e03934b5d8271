import { orThrow, useSessionStore, type SessionStore } from '@billing/portal-session';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';

function fetchConfig(store: SessionStore) {
  return orThrow(store.api.GET('/api/v1/portal/config'));
}

/** `{currency, stripePublishableKey, languages, sipRealm}` from GET /portal/config (public). */
export type PortalConfig = Awaited<ReturnType<typeof fetchConfig>>;

/** The product's portal settings (the currency MoneyText needs, the Stripe key or null, …); read once per page load. */
export function usePortalConfig(): UseQueryResult<PortalConfig> {
  const store = useSessionStore();
  return useQuery({ queryKey: ['portal-config'], queryFn: () => fetchConfig(store), staleTime: Infinity, gcTime: Infinity });
}
