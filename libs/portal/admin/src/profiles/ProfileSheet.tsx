import { useTranslation } from 'react-i18next';
import type { Profile } from '../customers/customer-wire.js';

export interface ProfileSheetProps {
  profile: Pick<Profile, 'rateSheetId' | 'ownerAgentId'>;
  /** every sheet's label by id (sheetLabels). */
  sheets: ReadonlyMap<string, string>;
  agents: ReadonlyMap<string, { name: string; rateSheetId: string }>;
}

/**
 * The sheet a profile's customers are billed with. No sheet of its own (`rateSheetId: null`) means
 * the sheet ITC assigned to the customer's agent: named for an agent's profile; for ITC's, it
 * depends on each customer's agent (and an ITC-direct customer cannot be opened from it).
 */
export function ProfileSheet({ profile, sheets, agents }: ProfileSheetProps) {
  const { t } = useTranslation('admin');
  if (profile.rateSheetId !== null) return <>{sheets.get(profile.rateSheetId) ?? profile.rateSheetId}</>;
  if (profile.ownerAgentId === null) return <>{t('profiles.eachAgentsSheet')}</>;
  const agent = agents.get(profile.ownerAgentId);
  if (agent === undefined) return <>{t('profiles.ownerSheet')}</>;
  return <>{t('profiles.agentSheet', { sheet: sheets.get(agent.rateSheetId) ?? agent.rateSheetId, agent: agent.name })}</>;
}
