import { usePortalConfig } from '@billing/portal-ui';

/** The deployment's currency ('' until GET /portal/config answers; the ui lib's one cached query). */
export function useCurrency(): string {
  return usePortalConfig().data?.currency ?? '';
}
