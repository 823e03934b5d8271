import { useLiveEvents } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/**
 * The agent's live feed (deposits, transfers, commission, balances, calls, low-balance): every
 * event may change what the agent's pages show, so their queries are refetched.
 */
export function useAgentLive(): void {
  const queryClient = useQueryClient();
  useLiveEvents('/api/v1/reports/stream-tickets', () => {
    void queryClient.invalidateQueries({ queryKey: agentKeys.all });
  });
}
