import { Card, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../shared/languages.js';
import { Money } from '../shared/Money.js';
import { useSheetLabels } from '../sheets/sheet-labels.js';
import { BalanceCard } from './BalanceCard.js';
import { BillingTermsCard } from './BillingTermsCard.js';
import type { Customer } from './customer-wire.js';
import { PasswordResets } from './PasswordResets.js';
import { StatusActions } from './StatusActions.js';

/** The customer's terms (the sheet and credit limit changeable), balance, status commands and password resets. */
export function AccountPanel({ customer, agentName }: { customer: Customer; agentName: string | null }) {
  const { t, i18n } = useTranslation('admin');
  const none = t('customers.customer.none');
  const sheets = useSheetLabels();
  const rows: Array<[string, ReactNode]> = [
    [t('customers.customer.agent'), customer.agentId === null ? t('customers.customer.itcDirect') : (agentName ?? customer.agentId)],
    [t('customers.customer.billing'), t(`customers.billing.${customer.billingType}`)],
    [t('customers.customer.creditLimit'), customer.creditLimit === null ? none : <Money amount={customer.creditLimit} />],
    [t('customers.customer.sheet'), customer.rateSheetId === null ? none : (sheets.get(customer.rateSheetId) ?? customer.rateSheetId.slice(0, 8))],
    [t('customers.customer.maxCalls'), customer.maxConcurrentCalls],
    [t('customers.customer.maxDuration'), t('customers.customer.seconds', { count: customer.maxCallDurationSeconds })],
    [t('customers.customer.lowBalanceThreshold'), <Money key="t" amount={customer.lowBalanceThreshold} />],
    [t('customers.customer.contactEmail'), customer.contactEmail ?? none],
    [t('customers.customer.language'), languageName(customer.language)],
    [t('customers.customer.batch'), customer.batchId ?? none],
    [t('customers.customer.openedAt'), new Date(customer.openedAt).toLocaleString(i18n.language)],
  ];
  return (
    <Stack gap="md">
      <BalanceCard customerId={customer.id} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <StatusActions customer={customer} />
        <PasswordResets customerId={customer.id} disabled={customer.status === 'closed'} />
      </SimpleGrid>
      <BillingTermsCard customer={customer} />
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="sm">{t('customers.customer.tabs.account')}</Title>
        <Table variant="vertical" withTableBorder layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w="45%">{label}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
