import { useSession, orThrow } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/** The sheet ITC assigned to the agent (baseSheetId null) and the sheets it derived from it. */
export function useSheets() {
  const { api } = useSession();
  return useQuery({ queryKey: [...agentKeys.all, 'sheets'], queryFn: () => orThrow(api.GET('/api/v1/rate-sheets')) });
}
