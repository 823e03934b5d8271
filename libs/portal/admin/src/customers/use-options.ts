import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../agents/agent-wire.js';
import type { AgentOption } from './CustomerFilters.js';

/** The agents for a select (the first 200 by name: the API's largest page), with the sheet ITC assigned to each. */
export function useAgentOptions(): readonly (AgentOption & { rateSheetId: string })[] {
  const { api } = useSession();
  const agents = useQuery({
    // under the agents' key: registering or changing an agent refreshes the names (not after 60 s)
    queryKey: agentKeys.options(),
    queryFn: () => orThrow(api.GET('/api/v1/agents', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  return (agents.data?.items ?? []).map((agent) => ({ id: agent.id, name: agent.name, rateSheetId: agent.rateSheetId }));
}

/** Active profiles for a select (archived ones open no customer), named with their owner: ITC's and an agent's may share a name. */
export function useProfileOptions(): readonly { value: string; label: string }[] {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const agents = new Map(useAgentOptions().map((agent) => [agent.id, agent.name]));
  const profiles = useQuery({
    queryKey: ['customer-profiles', 'options'],
    queryFn: () => orThrow(api.GET('/api/v1/customer-profiles', { params: { query: { limit: 200 } } })),
    staleTime: 30_000,
  });
  return (profiles.data?.items ?? []).filter((profile) => profile.status !== 'archived').map((profile) => ({
      value: profile.id,
      label: t('customers.open.profileOf', { name: profile.name, owner: profile.ownerAgentId === null ? t('sheets.itc') : (agents.get(profile.ownerAgentId) ?? t('sheets.label.anAgent')) }),
    }));
}
