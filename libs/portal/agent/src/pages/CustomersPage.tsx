import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerFilters } from '../customers/CustomerFilters.js';
import { OpenCustomerModal } from '../customers/OpenCustomerModal.js';
import { useBalancesOf, useCustomerList } from '../customers/use-customer-list.js';
import { Money } from '../hooks/Money.js';
import { useAgentLive } from '../hooks/use-agent-live.js';
import { AnchorLink } from '../hooks/links.js';
import { Tag } from '../hooks/Tag.js';

const STATUS_COLOR: Record<string, string> = { active: 'teal', suspended: 'orange', closed: 'gray' };

/** The agent's customers: search and status in the URL, balances, pending CallerIDs, open a new one. */
export function CustomersPage() {
  const { t } = useTranslation('agent');
  const search = useSearch({ from: '/agent/customers' });
  const navigate = useNavigate({ from: '/agent/customers' });
  const [opening, setOpening] = useState(false);
  const list = useCustomerList(search);
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const balances = useBalancesOf(customers.map((customer) => customer.id));
  useAgentLive();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">{t('customers.title')}</Title>
        <Button onClick={() => setOpening(true)}>{t('open.button')}</Button>
      </Group>
      <CustomerFilters value={search} onChange={(next) => void navigate({ search: next })} />
      <ProblemAlert error={list.error ?? balances.error} />
      <DataTable cardsOnPhone
        caption={t('customers.title')}
        rows={customers}
        rowKey={(customer) => customer.id}
        loading={list.isPending}
        emptyText={search.q === undefined && search.status === undefined && search.pending === undefined ? t('customers.none') : t('customers.noMatch')}
        hasMore={list.hasNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        loadingMore={list.isFetchingNextPage}
        minWidth={640}
        columns={[
          {
            key: 'account',
            header: t('customers.account'),
            render: (c) => (
              <Stack gap={0}>
                <AnchorLink to="/agent/customers/$customerId" params={{ customerId: c.id }} fw={600}>{c.accountNumber}</AnchorLink>
                <Text size="xs" c="dimmed" truncate maw={200}>{c.contactEmail ?? ''}</Text>
              </Stack>
            ),
          },
          { key: 'status', header: t('customers.status'), render: (c) => <Tag color={STATUS_COLOR[c.status] ?? 'gray'}>{t(`status.${c.status}`)}</Tag> },
          {
            key: 'balance',
            header: t('customers.balance'),
            align: 'right',
            render: (c) => {
              const row = balances.data?.get(c.id);
              if (row === undefined) return '…';
              return (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Money amount={row.balance} colorNegative />
                  {row.inDebt ? <Tag color="red" size="xs">{t('needsMoney.inDebt')}</Tag> : row.belowThreshold ? <Tag color="orange" size="xs">{t('needsMoney.low')}</Tag> : null}
                </Group>
              );
            },
          },
          { key: 'pending', header: t('customers.pendingCallerIds'), align: 'right', render: (c) => (c.pendingCallerIds.length === 0 ? '—' : <AnchorLink to="/agent/customers/$customerId" params={{ customerId: c.id }} search={{ tab: 'callerIds' }} aria-label={t('customers.pendingLink', { count: c.pendingCallerIds.length })}><Tag color="violet">{c.pendingCallerIds.length}</Tag></AnchorLink>) },
        ]}
      />
      <OpenCustomerModal opened={opening} onClose={() => setOpening(false)} />
    </Stack>
  );
}
