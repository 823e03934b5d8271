import { LIVE_EVENT_TYPES, useLiveEvents } from '@billing/portal-ui';
import { useQueryClient } from '@tanstack/react-query';
import { agentKeys } from '../api/query-keys.js';

/**
 * The agent's feed's events its pages follow (docs/API.md §12): the money and call events, and
 * `caller-ids` — a customer of its asked for a CallerID, or one was approved, refused or removed:
 * the approvals on the home page, the pending filter and the customer's CallerIDs change.
 */
export const AGENT_EVENT_TYPES = [...LIVE_EVENT_TYPES, 'caller-ids'] as const;

/**
 * The agent's live feed (deposits, transfers, commission, balances, calls, low-balance, CallerIDs):
 * every event may change what the agent's pages show, so their queries are refetched.
 */
export function useAgentLive(): void {
  const queryClient = useQueryClient();
  useLiveEvents(
    '/api/v1/reports/stream-tickets',
    () => {
      void queryClient.invalidateQueries({ queryKey: agentKeys.all });
    },
    { types: AGENT_EVENT_TYPES },
  );
}
