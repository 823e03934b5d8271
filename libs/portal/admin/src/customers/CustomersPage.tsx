import { DataTable, ProblemAlert, type DataTableColumn } from '@billing/portal-ui';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { customerKeys, MONEY_EVENTS } from './customer-wire.js';
import { CustomerFilters } from './CustomerFilters.js';
import { CustomerStatusBadge } from './CustomerStatusBadge.js';
import { OpenBatchModal } from './OpenBatchModal.js';
import { OpenCustomerModal } from './OpenCustomerModal.js';
import { useCustomerRows, type CustomerRow } from './use-customer-rows.js';
import { useAgentOptions } from './use-options.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { usePhone } from '../shared/use-phone.js';

/** Every customer (key figures first on a phone), filtered by the URL (agent, status, batch, search), with balances; open one or a batch. */
export function CustomersPage() {
  const { t } = useTranslation('admin');
  const search = useSearch({ from: '/admin/customers' });
  const navigate = useNavigate({ from: '/admin/customers' });
  const agents = useAgentOptions();
  const agentNames = new Map(agents.map((agent) => [agent.id, agent.name]));
  const rows = useCustomerRows(search);
  // balances move with deposits, transfers and calls: the feed re-reads the list (throttled)
  useLiveRefresh(customerKeys.all, MONEY_EVENTS);
  const [opening, setOpening] = useState<'one' | 'batch' | null>(null);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  // a phone shows account, balance and status; the agent and billing go under the account, the e-mail on the customer's page
  const phone = usePhone();
  const agentOf = (customer: CustomerRow['customer']) => (customer.agentId === null ? t('customers.customer.itcDirect') : (agentNames.get(customer.agentId) ?? customer.agentId));
  const status: DataTableColumn<CustomerRow> = { key: 'status', header: t('customers.columns.status'), render: ({ customer }) => <CustomerStatusBadge status={customer.status} /> };
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('customers.title')}</Title>
        <Group gap="xs">
          <Button onClick={() => setOpening('one')}>{t('customers.open.button')}</Button>
          <Button variant="light" onClick={() => setOpening('batch')}>{t('customers.batch.button')}</Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm">{t('customers.intro')}</Text>
      <CustomerFilters value={search} agents={agents} onChange={(next) => void navigate({ search: next })} />
      <ProblemAlert error={rows.error} />
      <DataTable<CustomerRow>
        caption={t('customers.title')}
        rows={items}
        rowKey={(row) => row.customer.id}
        loading={rows.isPending}
        emptyText={t('customers.none')}
        hasMore={rows.hasNextPage}
        onLoadMore={() => void rows.fetchNextPage()}
        loadingMore={rows.isFetchingNextPage}
        minWidth={phone ? 300 : 720}
        columns={[
          {
            key: 'account',
            header: t('customers.columns.account'),
            render: ({ customer }) => {
              const link = <Anchor renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId: customer.id }} search={{}} />}>{customer.accountNumber}</Anchor>;
              return phone ? <Stack gap={0}>{link}<Text size="xs" c="dimmed">{agentOf(customer)} · {t(`customers.billing.${customer.billingType}`)}</Text></Stack> : link;
            },
          },
          ...(phone ? [] : [{ key: 'agent', header: t('customers.columns.agent'), render: ({ customer }: CustomerRow) => agentOf(customer) }]),
          ...(phone ? [] : [status]),
          ...(phone ? [] : [{ key: 'billing', header: t('customers.columns.billing'), render: ({ customer }: CustomerRow) => t(`customers.billing.${customer.billingType}`) }]),
          {
            key: 'balance',
            header: t('customers.columns.balance'),
            align: 'right',
            render: ({ balance }) =>
              balance === null ? '—' : (
                <Group gap={4} justify="flex-end" wrap={phone ? 'wrap' : 'nowrap'}>
                  {balance.inDebt && <StatusBadge color="red" size="xs">{t('customers.balance.inDebt')}</StatusBadge>}
                  {!balance.inDebt && balance.belowThreshold && <StatusBadge color="orange" size="xs">{t('customers.balance.below')}</StatusBadge>}
                  <Money amount={balance.balance} colorNegative />
                </Group>
              ),
          },
          ...(phone ? [status] : [{ key: 'contact', header: t('customers.columns.contact'), render: ({ customer }: CustomerRow) => customer.contactEmail ?? '—' }]),
        ]}
      />
      <OpenCustomerModal opened={opening === 'one'} onClose={() => setOpening(null)} />
      <OpenBatchModal opened={opening === 'batch'} onClose={() => setOpening(null)} />
    </Stack>
  );
}
