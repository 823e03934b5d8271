import { useSession, orThrow } from '@billing/portal-session';
import { DataTable } from '@billing/portal-ui';
import { Card, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { Money } from '../hooks/Money.js';
import { marginOf, type MarginFields } from './margin.js';
import { AnchorLink } from '../hooks/links.js';

const SHOWN = 25;

/** This month's revenue and margin per customer (the first customers by account number). */
export function CustomerRevenueTable({ from }: { from: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const customers = useQuery({
    queryKey: agentKeys.customers({ limit: SHOWN }),
    queryFn: () => orThrow(api.GET('/api/v1/customers', { params: { query: { limit: SHOWN } } })),
  });
  const items = customers.data?.items ?? [];
  const summaries = useQueries({
    queries: items.map((customer) => ({
      queryKey: [...agentKeys.customer(customer.id), 'summary', from],
      queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/calls/summary', { params: { path: { id: customer.id }, query: { from } } })),
    })),
  });
  const rows = items.map((customer, index) => ({ customer, summary: summaries[index]?.data as (MarginFields & { answered: number; billedMinutes: string }) | undefined }));
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('revenue.title')}</Text>
        <Text size="sm" c="dimmed">{t('revenue.intro')}</Text>
        <DataTable
          caption={t('revenue.title')}
          rows={rows}
          rowKey={(row) => row.customer.id}
          loading={customers.isPending}
          minWidth={480}
          columns={[
            { key: 'account', header: t('customers.account'), render: (row) => <AnchorLink to="/agent/customers/$customerId" params={{ customerId: row.customer.id }}>{row.customer.accountNumber}</AnchorLink> },
            { key: 'calls', header: t('revenue.calls'), align: 'right', render: (row) => row.summary?.answered ?? '…' },
            { key: 'minutes', header: t('revenue.minutes'), align: 'right', render: (row) => row.summary?.billedMinutes ?? '…' },
            { key: 'revenue', header: t('revenue.revenue'), align: 'right', render: (row) => (row.summary === undefined ? '…' : <Money amount={row.summary.revenue} />) },
            { key: 'margin', header: t('revenue.margin'), align: 'right', render: (row) => { const margin = row.summary === undefined ? null : marginOf(row.summary); return margin === null ? <Text span c="dimmed">—</Text> : <Money amount={margin} colorNegative />; } },
          ]}
        />
        {rows.some((row) => row.summary !== undefined && marginOf(row.summary) === null) && <Text size="xs" c="dimmed">{t('revenue.marginUnknown')}</Text>}
      </Stack>
    </Card>
  );
}
