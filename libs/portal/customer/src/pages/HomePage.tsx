import { ProblemAlert, usePortalConfig } from '@billing/portal-ui';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BalanceCard } from '../balance/BalanceCard.js';
import { TopUpCard } from '../balance/TopUpCard.js';
import { TransactionsCard } from '../balance/TransactionsCard.js';
import { useCustomerLive } from '../shared/use-customer-live.js';

/** The customer's home: balance (live), card top-up, transactions. */
export function HomePage() {
  const { t } = useTranslation('customer');
  const config = usePortalConfig();
  useCustomerLive();
  const currency = config.data?.currency;
  const stripeKey = config.data?.stripePublishableKey ?? null;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </div>
      <ProblemAlert error={config.error} />
      {currency !== undefined && (
        <>
          {/* card top-up is offered only when Stripe is set up; otherwise one line says how to get money in. */}
          {stripeKey === null ? (
            <Stack gap="xs">
              <BalanceCard currency={currency} />
              <TopUpCard publishableKey={null} />
            </Stack>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <BalanceCard currency={currency} />
              <TopUpCard publishableKey={stripeKey} />
            </SimpleGrid>
          )}
          <TransactionsCard currency={currency} />
        </>
      )}
    </Stack>
  );
}
