import { ProblemAlert } from '@billing/portal-ui';
import { Anchor, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CardTopUpNotice } from '../shared/CardTopUpNotice.js';
import { Money } from '../shared/Money.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useCurrency } from '../shared/use-currency.js';
import { useDecimal } from '../shared/use-decimal.js';
import { Figure } from './Figure.js';
import { LiveChart } from './LiveChart.js';
import { PeriodTable } from './PeriodTable.js';
import { netDeposits, type DepositTotals } from './deposit-figures.js';
import { dashboardPeriods } from './summary-wire.js';
import { TopDestinations } from './TopDestinations.js';
import { useOpenHolds, useSummary } from './use-dashboard-data.js';
import { useDashboardLive } from './use-dashboard-live.js';
import { Watchlist } from './Watchlist.js';

/** How many deposits the net is made of, and the reversals taken off it (with their amount). */
function DepositsNote({ deposits }: { deposits: DepositTotals }) {
  const { t } = useTranslation('admin');
  const made = t('dashboard.figures.deposits', { count: deposits.count });
  if (deposits.reversed.count === 0) return <>{made}</>;
  return (
    <>
      {made} · {t('dashboard.figures.reversed', { count: deposits.reversed.count })} <Money amount={deposits.reversed.amount} />
    </>
  );
}

/** ITC's network at a glance, kept current by the live feed (a `deposit-reversed` re-reads the net). */
export function DashboardPage(): ReactElement {
  const { t, i18n } = useTranslation('admin');
  const [periods] = useState(() => dashboardPeriods(new Date()));
  const today = useSummary(periods.today);
  const month = useSummary(periods.month);
  const holds = useOpenHolds();
  const currency = useCurrency();
  const { series, live } = useDashboardLive();
  const agentNames = useMemo(() => new Map((month.data?.agents ?? []).map((agent) => [agent.agentId, agent.name ?? agent.agentId.slice(0, 8)])), [month.data]);
  const calls = today.data?.totals.calls;
  const deposits = today.data?.totals.deposits;
  const decimal = useDecimal();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        <StatusBadge color={live ? 'teal' : 'gray'} role="status">
          {t(live ? 'dashboard.live.on' : 'dashboard.live.waiting')}
        </StatusBadge>
      </Group>
      <ProblemAlert error={today.error ?? month.error ?? holds.error} />
      <CardTopUpNotice />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('dashboard.figures.inProgress')} note={holds.data === undefined ? undefined : <>{t('dashboard.figures.held')} <Money amount={holds.data.held} /></>}>
          {holds.data?.count ?? '—'}
        </Figure>
        <Figure label={t('dashboard.figures.callsToday')} note={calls === undefined ? undefined : t('dashboard.figures.answered', { count: calls.answered })}>
          {calls?.attempts ?? '—'}
        </Figure>
        <Figure label={t('dashboard.figures.asr')}>{decimal(calls?.asr, ' %')}</Figure>
        <Figure label={t('dashboard.figures.acd')}>{decimal(calls?.acdSeconds, ' s')}</Figure>
        <Figure label={t('dashboard.figures.minutes')}>{decimal(calls?.billedMinutes)}</Figure>
        <Figure label={t('dashboard.figures.revenue')}>{calls === undefined ? '—' : <Money amount={calls.revenue} />}</Figure>
        <Figure label={t('dashboard.figures.depositsToday')} note={deposits === undefined ? undefined : <DepositsNote deposits={deposits} />}>
          {deposits === undefined ? '—' : <Money amount={netDeposits(deposits)} colorNegative />}
        </Figure>
        <Figure label={t('dashboard.figures.unratedNow')} note={t('dashboard.figures.unratedNowNote')}>
          {today.data === undefined ? (
            '—'
          ) : (
            <Anchor inherit renderRoot={(props) => <Link {...props} to="/admin/calls/unrated" />}>
              {new Intl.NumberFormat(i18n.language).format(today.data.totals.unratedCallsNow)}
            </Anchor>
          )}
        </Figure>
      </SimpleGrid>
      <LiveChart series={series} currency={currency} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PeriodTable today={today.data?.totals} month={month.data?.totals} />
        <TopDestinations rows={month.data?.totals.topDestinations ?? []} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Watchlist kind="agent" agentNames={agentNames} />
        <Watchlist kind="customer" agentNames={agentNames} />
      </SimpleGrid>
    </Stack>
  );
}
