import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import type { AgentOption } from './CustomerFilters.js';

/** The agents for a select (the first 200 by name: the API's largest page), with the sheet ITC assigned to each. */
export function useAgentOptions(): readonly (AgentOption & { rateSheetId: string })[] {
  const { api } = useSession();
  const agents = useQuery({
    queryKey: ['agents', 'options'],
    queryFn: () => orThrow(api.GET('/api/v1/agents', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  return (agents.data?.items ?? []).map((agent) => ({ id: agent.id, name: agent.name, rateSheetId: agent.rateSheetId }));
}

/** Active profiles for a select (archived ones open no customer). */
export function useProfileOptions(): readonly { id: string; name: string }[] {
  const { api } = useSession();
  const profiles = useQuery({
    queryKey: ['customer-profiles', 'options'],
    queryFn: () => orThrow(api.GET('/api/v1/customer-profiles', { params: { query: { limit: 200 } } })),
    staleTime: 30_000,
  });
  return (profiles.data?.items ?? []).filter((profile) => profile.status !== 'archived').map((profile) => ({ id: profile.id, name: profile.name }));
}
