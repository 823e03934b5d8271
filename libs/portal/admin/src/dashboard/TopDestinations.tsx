import { DataTable } from '@billing/portal-ui';
import { Paper, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { useDecimal } from '../shared/use-decimal.js';
import type { DestinationFigures } from './summary-wire.js';

/** This month's destinations by revenue. */
export function TopDestinations({ rows }: { rows: DestinationFigures[] }) {
  const { t } = useTranslation('admin');
  const decimal = useDecimal();
  // a phone shows destination, minutes and revenue only, so the table fits its card
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('dashboard.top.title')}
      </Title>
      <DataTable<DestinationFigures>
        caption={t('dashboard.top.title')}
        rows={rows.slice(0, 10)}
        rowKey={(row) => row.destination}
        emptyText={t('dashboard.top.empty')}
        minWidth={phone ? 240 : 280}
        columns={[
          { key: 'destination', header: t('dashboard.top.destination'), render: (row) => row.destination },
          ...(phone ? [] : [{ key: 'calls', header: t('dashboard.top.calls'), align: 'right' as const, render: (row: DestinationFigures) => row.calls }]),
          { key: 'minutes', header: t('dashboard.top.minutes'), align: 'right', render: (row) => decimal(row.billedMinutes) },
          { key: 'revenue', header: t('dashboard.top.revenue'), align: 'right', render: (row) => <Money amount={row.revenue} /> },
        ]}
      />
    </Paper>
  );
}
