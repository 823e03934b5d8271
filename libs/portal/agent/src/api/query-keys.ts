// Query keys of the agent's pages: a mutation invalidates the prefix it changed.
export const agentKeys = {
  all: ['agent'] as const,
  overview: (agentId: string) => ['agent', 'overview', agentId] as const,
  traffic: (agentId: string, from: string) => ['agent', 'traffic', agentId, from] as const,
  needsMoney: (agentId: string) => ['agent', 'balances', 'needs-money', agentId] as const,
  balances: (ids: string) => ['agent', 'balances', ids] as const,
  customers: (search: object) => ['agent', 'customers', search] as const,
  customer: (id: string) => ['agent', 'customer', id] as const,
  profiles: () => ['agent', 'profiles'] as const,
};
