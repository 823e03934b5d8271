import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import type { AgentOverview } from './agent-wire.js';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fw={700} size="lg">
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The agent's money now: balance, what it can spend, commission, its customers. */
export function AgentFigures({ overview }: { overview: AgentOverview }) {
  const { t } = useTranslation('admin');
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
      <Figure label={t('agents.figures.balance')}>
        <Money amount={overview.balance} colorNegative />
      </Figure>
      <Figure label={t('agents.figures.available')}>
        <Money amount={overview.available} colorNegative />
      </Figure>
      <Figure label={t('agents.figures.commission')}>
        <Money amount={overview.commissionBalance} />
      </Figure>
      <Figure label={t('agents.figures.customers')}>
        {t('agents.figures.customersValue', { open: overview.customers.open, total: overview.customers.total })}
      </Figure>
      <Figure label={t('agents.figures.debt')}>
        {overview.inDebt ? <Money amount={overview.debt} c="red.9" /> : t('agents.figures.noDebt')}
        {overview.customers.inDebt > 0 && (
          <Text size="xs" c="red.9">
            {t('agents.figures.customersInDebt', { count: overview.customers.inDebt })}
          </Text>
        )}
      </Figure>
    </SimpleGrid>
  );
}
