import { orThrow, useSession } from '@billing/portal-session';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { asJson } from '../shared/as-json.js';
import { agentKeys, type AgentOverview, type CommissionLine, type LedgerLine, type Page } from './agent-wire.js';

export function useAgent(id: string) {
  const { api } = useSession();
  return useQuery({ queryKey: agentKeys.one(id), queryFn: () => orThrow(api.GET('/api/v1/agents/{id}', { params: { path: { id } } })) });
}

export function useAgentOverview(id: string) {
  const { api } = useSession();
  return useQuery({ queryKey: agentKeys.overview(id), queryFn: () => asJson<AgentOverview>(api.GET('/api/v1/agents/{id}/overview', { params: { path: { id } } })) });
}

export function useAgentLedger(id: string) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: agentKeys.ledger(id),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<LedgerLine>) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      asJson<Page<LedgerLine>>(api.GET('/api/v1/agents/{id}/transactions', { params: { path: { id }, query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
}

export function useAgentCommissions(id: string) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: agentKeys.commissions(id),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<CommissionLine>) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      asJson<Page<CommissionLine>>(api.GET('/api/v1/agents/{id}/commissions', { params: { path: { id }, query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
}

/** After a command on this agent: its record, money, lines and the list (balances) are re-read. */
export function useInvalidateAgent(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: agentKeys.one(id) }), queryClient.invalidateQueries({ queryKey: ['admin', 'agents', 'list'] }), queryClient.invalidateQueries({ queryKey: agentKeys.options() }), queryClient.invalidateQueries({ queryKey: ['admin', 'dashboard'] })]);
}
