import { ProblemAlert, usePortalConfig } from '@billing/portal-ui';
import { SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BalancesCard } from '../overview/BalancesCard.js';
import { CardDepositCard } from '../overview/CardDepositCard.js';
import { CommissionMoveForm } from '../overview/CommissionMoveForm.js';
import { CustomerRevenueTable } from '../overview/CustomerRevenueTable.js';
import { NeedsMoneyList } from '../overview/NeedsMoneyList.js';
import { PendingApprovals } from '../overview/PendingApprovals.js';
import { periodStarts, utcDay } from '../overview/periods.js';
import { TrafficCard } from '../overview/TrafficCard.js';
import { useOverview } from '../overview/use-overview.js';
import { useAgentLive } from '../hooks/use-agent-live.js';

/** The agent account overview: balances, commission, card deposit, traffic, revenue, watchlist. */
export function HomePage() {
  const { t } = useTranslation('agent');
  const overview = useOverview();
  const config = usePortalConfig();
  const [periods] = useState(() => periodStarts(new Date()));
  useAgentLive();
  const publishableKey = config.data?.stripePublishableKey ?? null;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('home.title')}</Title>
      <Text c="dimmed">{t('home.intro')}</Text>
      <ProblemAlert error={overview.error} />
      <PendingApprovals />
      {overview.data === undefined ? (
        <Skeleton height={120} radius="md" />
      ) : (
        <>
          <BalancesCard overview={overview.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CommissionMoveForm commissionBalance={overview.data.commissionBalance} />
            {config.data !== undefined && <CardDepositCard publishableKey={publishableKey} />}
          </SimpleGrid>
        </>
      )}
      <TrafficCard today={periods.today} month={periods.month} />
      <NeedsMoneyList />
      <CustomerRevenueTable from={utcDay(periods.month)} to={utcDay(periods.today)} />
    </Stack>
  );
}
