import { useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { AgentOverview } from '../api/types.js';

export function useOverview() {
  const { api, subjectId } = useSession();
  return useQuery({
    queryKey: agentKeys.overview(subjectId),
    queryFn: () => asJson<AgentOverview>(api.GET('/api/v1/agents/{id}/overview', { params: { path: { id: subjectId } } })),
  });
}
