import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert } from '@billing/portal-ui';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { isBelowThreshold } from './balance-state.js';
import { customerKeys } from './customer-wire.js';
import { StatusBadge } from '../shared/StatusBadge.js';

/** The customer's balance, what calls hold and what is available (GET /customers/{id}/balance). */
export function BalanceCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const balance = useQuery({
    queryKey: customerKeys.part(customerId, 'balance'),
    queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/balance', { params: { path: { id: customerId } } })),
  });
  const data = balance.data;
  const figure = (label: string, amount: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Money amount={amount} fw={700} colorNegative />
    </Stack>
  );
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">{t('customers.balance.title')}</Title>
          {data?.inDebt === true && <StatusBadge color="red">{t('customers.balance.inDebt')}</StatusBadge>}
          {data?.inDebt === false && isBelowThreshold(data) && <StatusBadge color="orange">{t('customers.balance.below')}</StatusBadge>}
        </Group>
        <ProblemAlert error={balance.error} />
        {data !== undefined && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {figure(t('customers.balance.balance'), data.balance)}
            {figure(t('customers.balance.held'), data.held)}
            {figure(t('customers.balance.available'), data.available)}
            {figure(t('customers.balance.debt'), data.debt)}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
