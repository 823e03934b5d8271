import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/DateTime.js';
import { Money } from '../shared/Money.js';
import { useDecimal } from '../shared/use-decimal.js';
import { useSheetLabels } from '../sheets/sheet-labels.js';
import type { Agent } from './agent-wire.js';

/** What ITC set for the agent (read-only; "Edit" changes it). */
export function AgentSettings({ agent }: { agent: Agent }) {
  const { t } = useTranslation('admin');
  const decimal = useDecimal();
  const sheets = useSheetLabels();
  const rows: Array<[string, React.ReactNode]> = [
    [t('agents.fields.username'), agent.username],
    [t('agents.fields.contactEmail'), agent.contactEmail],
    [t('agents.fields.commissionPercent'), decimal(agent.commissionPercent, ' %')],
    [t('agents.fields.rateSheet'), sheets.get(agent.rateSheetId) ?? agent.rateSheetId.slice(0, 8)],
    [t('agents.fields.lowBalanceThreshold'), <Money key="l" amount={agent.lowBalanceThreshold} />],
    [t('agents.fields.maxCustomerCreditLimit'), <Money key="m" amount={agent.maxCustomerCreditLimit} />],
    [t('agents.fields.maxTotalCustomerCredit'), <Money key="t" amount={agent.maxTotalCustomerCredit} />],
    [t('agents.fields.customersMayAddCallerIds'), agent.customersMayAddCallerIds ? t('common.yes') : t('common.no')],
    [t('agents.fields.registeredAt'), <DateTime key="r" at={agent.registeredAt} />],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="dl" style={{ margin: 0 }}>
        {rows.map(([label, value]) => (
          <Stack key={label} gap={0}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
