import { orThrow, useSession } from '@billing/portal-session';
import { compareMoney, MoneyText, ProblemAlert } from '@billing/portal-ui';
import { Alert, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerKeys } from '../shared/customer-api.js';

/** The balance, what may be spent, credit and debt; refreshed by the live feed (no polling). */
export function BalanceCard({ currency }: { currency: string }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const balance = useQuery({
    queryKey: customerKeys.balance(subjectId),
    queryFn: async () => (await orThrow(api.GET('/api/v1/customers/{id}/balance', { params: { path: { id: subjectId } } }))),
  });
  if (balance.error !== null) return <ProblemAlert error={balance.error} />;
  const data = balance.data;
  if (data === undefined) return <Skeleton h={140} radius="md" />;
  const low = data.lowBalanceThreshold !== null && compareMoney(data.lowBalanceThreshold, '0') > 0 && compareMoney(data.balance, data.lowBalanceThreshold) < 0;
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="balance-heading">
      <Stack gap="sm">
        <Text id="balance-heading" size="sm" c="dimmed" fw={600} tt="uppercase">
          {t('balance.title')}
        </Text>
        <Text fz={36} fw={700} lh={1.1} aria-live="polite" data-testid="balance">
          <MoneyText amount={data.balance} currency={currency} colorNegative />
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('balance.available')} amount={data.available} currency={currency} />
          <Figure label={t('balance.held')} amount={data.held} currency={currency} />
          {data.billingType === 'postpaid' && data.creditLimit !== null && <Figure label={t('balance.creditLimit')} amount={data.creditLimit} currency={currency} />}
          {data.lowBalanceThreshold !== null && <Figure label={t('balance.threshold')} amount={data.lowBalanceThreshold} currency={currency} />}
        </SimpleGrid>
        {data.inDebt && (
          <Alert color="red" variant="light" title={t('balance.inDebtTitle')}>
            <Group gap={4}>
              {t('balance.inDebt')} <MoneyText amount={data.debt} currency={currency} fw={700} />
            </Group>
          </Alert>
        )}
        {!data.inDebt && low && (
          <Alert color="yellow" variant="light" title={t('balance.lowTitle')}>
            {t('balance.low')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, amount, currency }: { label: string; amount: string; currency: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>
        <MoneyText amount={amount} currency={currency} />
      </Text>
    </div>
  );
}
