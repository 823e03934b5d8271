import type { DataTableColumn } from '@billing/portal-ui';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import type { RateRow } from './sheet-wire.js';

/** The columns of a rate row: prefix, destination, connect fee, minimum, and each interval's rate. */
export function RateRowsColumns(): DataTableColumn<RateRow>[] {
  const { t } = useTranslation('admin');
  return [
    { key: 'prefix', header: t('sheets.rows.prefix'), render: (row) => <Text span ff="monospace">{row.prefix}</Text> },
    { key: 'destination', header: t('sheets.rows.destination'), render: (row) => row.destination },
    { key: 'connectFee', header: t('sheets.rows.connectFee'), render: (row) => <Money amount={row.connectFee} />, align: 'right' },
    { key: 'minimum', header: t('sheets.rows.minimumSeconds'), render: (row) => row.minimumSeconds, align: 'right' },
    {
      key: 'intervals',
      header: t('sheets.rows.intervals'),
      render: (row) => (
        <Text span size="sm">
          {row.intervals.map((interval, index) => (
            <span key={interval.startSecond}>
              {index > 0 && ' · '}
              {t('sheets.rows.interval', { start: interval.startSecond, increment: interval.incrementSeconds })} <Money amount={interval.ratePerMinute} />
              {t('sheets.rows.perMinute')}
            </span>
          ))}
        </Text>
      ),
    },
  ];
}
