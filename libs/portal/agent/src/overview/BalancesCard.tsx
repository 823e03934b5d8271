import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentOverview } from '../api/types.js';
import { Money } from '../hooks/Money.js';
import { Tag } from '../hooks/Tag.js';

function Figure({ label, amount, hint }: { label: string; amount: string; hint?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} fz="xl"><Money amount={amount} colorNegative /></Text>
      {hint !== undefined && <Text size="xs" c="dimmed">{hint}</Text>}
    </Stack>
  );
}

/** The agent's main balance (and what it may move) and its customers at a glance. */
export function BalancesCard({ overview }: { overview: AgentOverview }) {
  const { t } = useTranslation('agent');
  return (
    <Card withBorder padding="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('overview.balances')}</Text>
        {overview.inDebt && <Tag color="red">{t('overview.inDebt')}</Tag>}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure label={t('overview.balance')} amount={overview.balance} />
        <Figure label={t('overview.available')} amount={overview.available} hint={<>{t('overview.reserved')} <Money amount={overview.reserved} /></>} />
        <Stack gap={2}>
          <Text size="sm" c="dimmed">{t('overview.customers')}</Text>
          <Text fw={700} fz="xl">{overview.customers.open}</Text>
          <Text size="xs" c={overview.customers.inDebt > 0 ? 'red' : 'dimmed'}>{t('overview.customersInDebt', { count: overview.customers.inDebt })}</Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
