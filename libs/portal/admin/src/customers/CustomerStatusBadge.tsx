import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { active: 'green', suspended: 'orange', closed: 'gray' };

export function CustomerStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <Badge variant="light" color={COLORS[status] ?? 'gray'}>{t(`customers.status.${status}`, { defaultValue: status })}</Badge>;
}
