import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../shared/StatusBadge.js';

const COLORS: Record<string, string> = { active: 'green', suspended: 'orange', closed: 'gray' };

export function CustomerStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <StatusBadge color={COLORS[status] ?? 'gray'}>{t(`customers.status.${status}`, { defaultValue: status })}</StatusBadge>;
}
