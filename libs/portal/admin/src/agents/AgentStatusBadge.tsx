import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AgentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return (
    <Badge color={status === 'active' ? 'teal' : 'orange'} variant="light">
      {t(`agents.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
