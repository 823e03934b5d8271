import { useSession } from '@billing/portal-session';
import { useInfiniteQuery } from '@tanstack/react-query';
import { asJson } from '../shared/as-json.js';
import { agentKeys, type Agent, type BalanceRow, type Page } from './agent-wire.js';

export interface AgentRow {
  agent: Agent;
  /** null when the wallet has no account for it yet. */
  balance: BalanceRow | null;
}

export interface AgentSearch {
  q?: string;
  status?: 'active' | 'suspended';
}

const PAGE_SIZE = 50;

/** GET /agents (search, status, cursor pages) with each page's balances from GET /wallet/balances. */
export function useAgentRows(search: AgentSearch) {
  const { api } = useSession();
  return useInfiniteQuery({
    queryKey: agentKeys.list(search),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<AgentRow>) => page.nextCursor ?? undefined,
    queryFn: async ({ pageParam }): Promise<Page<AgentRow>> => {
      const agents = await asJson<Page<Agent>>(
        api.GET('/api/v1/agents', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam === undefined ? {} : { cursor: pageParam }), ...(search.q === undefined ? {} : { search: search.q }), ...(search.status === undefined ? {} : { status: search.status }) } },
        }),
      );
      if (agents.items.length === 0) return { items: [], nextCursor: agents.nextCursor };
      const balances = await asJson<Page<BalanceRow>>(
        api.GET('/api/v1/wallet/balances', { params: { query: { kind: 'agent', ids: agents.items.map((agent) => agent.id).join(','), limit: PAGE_SIZE } } }),
      );
      const byId = new Map(balances.items.map((row) => [row.id, row]));
      return { items: agents.items.map((agent) => ({ agent, balance: byId.get(agent.id) ?? null })), nextCursor: agents.nextCursor };
    },
  });
}
