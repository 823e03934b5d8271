import { Anchor, Paper, Table, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { useDecimal } from '../shared/use-decimal.js';
import { usePhone } from '../shared/use-phone.js';
import { netDeposits } from './deposit-figures.js';
import type { SummarySection } from './summary-wire.js';

/**
 * Today beside this month: traffic, money in and commissions, unrated calls. On a phone a figure's
 * name takes a row of its own above its two values, so both columns fit 390 px without scrolling
 * sideways (beside the names, the month column was cut off).
 */
export function PeriodTable({ today, month }: { today: SummarySection | undefined; month: SummarySection | undefined }) {
  const { t, i18n } = useTranslation('admin');
  const phone = usePhone();
  const decimal = useDecimal();
  const number = (value: number | string | null | undefined, suffix = ''): string =>
    value === null || value === undefined ? '—' : typeof value === 'number' ? `${new Intl.NumberFormat(i18n.language).format(value)}${suffix}` : decimal(value, suffix);
  const money = (amount: string | undefined): ReactNode => (amount === undefined ? '—' : <Money amount={amount} />);
  const rows: Array<[string, (s: SummarySection | undefined) => ReactNode]> = [
    [t('dashboard.period.calls'), (s) => number(s?.calls.attempts)],
    [t('dashboard.period.answered'), (s) => number(s?.calls.answered)],
    [t('dashboard.period.asr'), (s) => number(s?.calls.asr, ' %')],
    [t('dashboard.period.acd'), (s) => number(s?.calls.acdSeconds, ' s')],
    [t('dashboard.period.minutes'), (s) => number(s?.calls.billedMinutes)],
    [t('dashboard.period.revenue'), (s) => money(s?.calls.revenue)],
    [t('dashboard.period.deposits'), (s) => money(s?.deposits.amount)],
    [t('dashboard.period.reversed'), (s) => money(s?.deposits.reversed.amount)],
    [t('dashboard.period.netDeposits'), (s) => money(s === undefined ? undefined : netDeposits(s.deposits))],
    [t('dashboard.period.transfers'), (s) => money(s?.transfers.amount)],
    [t('dashboard.period.commissions'), (s) => money(s?.commissions.accrued.amount)],
    [t('dashboard.period.unrated'), (s) => (s === undefined ? '—' : <Anchor renderRoot={(props) => <Link {...props} to="/admin/calls/unrated" />}>{number(s.calls.unrated)}</Anchor>)],
    [t('dashboard.period.lowBalance'), (s) => number(s?.lowBalanceCrossings)],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('dashboard.period.title')}
      </Title>
      <Table.ScrollContainer minWidth={phone ? 0 : 300} scrollAreaProps={{ type: 'auto', viewportProps: { tabIndex: 0, 'aria-label': t('dashboard.period.caption') } }}>
      <Table verticalSpacing={6} striped>
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('dashboard.period.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            {!phone && <Table.Th scope="col">{t('dashboard.period.figure')}</Table.Th>}
            <Table.Th scope="col" ta="right">
              {t('dashboard.period.today')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.period.month')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value]) =>
            phone ? (
              <Fragment key={label}>
                <Table.Tr>
                  <Table.Th scope="colgroup" colSpan={2} fw={500} pb={0}>
                    {label}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{value(today)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{value(month)}</Table.Td>
                </Table.Tr>
              </Fragment>
            ) : (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{value(today)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{value(month)}</Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
