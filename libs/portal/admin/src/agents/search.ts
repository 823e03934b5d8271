// The agents list's URL search params (plain functions: index.ts is in the first load).
export interface AgentsSearch {
  q?: string;
  status?: 'active' | 'suspended';
}

export function validateAgentsSearch(search: Record<string, unknown>): AgentsSearch {
  const q = typeof search['q'] === 'string' ? search['q'].trim().slice(0, 100) : '';
  const status = search['status'];
  return { ...(q === '' ? {} : { q }), ...(status === 'active' || status === 'suspended' ? { status } : {}) };
}
