import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import type { BalanceRow } from './agent-wire.js';

/** An account's balance with its warnings (in debt, below its low-balance threshold). */
export function BalanceCell({ row }: { row: BalanceRow | null }) {
  const { t } = useTranslation('admin');
  if (row === null) return <>—</>;
  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Money amount={row.balance} colorNegative />
      {row.inDebt ? (
        <StatusBadge color="red" size="sm">
          {t('agents.flags.inDebt')}
        </StatusBadge>
      ) : row.belowThreshold ? (
        <StatusBadge color="yellow" size="sm">
          {t('agents.flags.low')}
        </StatusBadge>
      ) : null}
    </Group>
  );
}
