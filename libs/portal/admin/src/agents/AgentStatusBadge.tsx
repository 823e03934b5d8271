import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../shared/StatusBadge.js';

export function AgentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <StatusBadge color={status === 'active' ? 'teal' : 'orange'}>{t(`agents.status.${status}`, { defaultValue: status })}</StatusBadge>;
}
