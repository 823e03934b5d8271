import { useSession } from '@billing/portal-session';
import { compareMoney, DataTable, formatDecimal, ProblemAlert } from '@billing/portal-ui';
import { Card, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { CustomerReportPage, CustomerReportRow } from '../api/types.js';
import { AnchorLink } from '../hooks/links.js';
import { Money } from '../hooks/Money.js';
import { marginOf } from './margin.js';

function MarginCell({ row }: { row: CustomerReportRow }) {
  const { t } = useTranslation('agent');
  const margin = marginOf(row);
  return (
    <Stack gap={0} align="flex-end">
      {margin === null ? <Text span c="dimmed">—</Text> : <Money amount={margin} colorNegative={compareMoney(margin, '0') < 0} />}
      {row.unknownCost.calls > 0 && <Text size="xs" c="dimmed">{t('revenue.unknownCalls', { count: row.unknownCost.calls })}</Text>}
    </Stack>
  );
}

/** Revenue and margin per customer over a period (GET /reports/customers), highest revenue first. */
export function CustomerRevenueTable({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation('agent');
  const { api, subjectId } = useSession();
  const report = useInfiniteQuery({
    queryKey: [...agentKeys.all, 'report-customers', subjectId, from, to],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => asJson<CustomerReportPage>(api.GET('/api/v1/reports/customers', { params: { query: { from, to, limit: 25, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = report.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('revenue.title')}</Text>
        <Text size="sm" c="dimmed">{t('revenue.intro')}</Text>
        <ProblemAlert error={report.error} />
        <DataTable cardsOnPhone
          caption={t('revenue.title')}
          rows={rows}
          rowKey={(row) => row.customerId}
          loading={report.isPending}
          emptyText={t('revenue.none')}
          hasMore={report.hasNextPage}
          onLoadMore={() => void report.fetchNextPage()}
          loadingMore={report.isFetchingNextPage}
          minWidth={640}
          columns={[
            { key: 'account', header: t('customers.account'), render: (row) => <AnchorLink to="/agent/customers/$customerId" params={{ customerId: row.customerId }}>{row.accountNumber}</AnchorLink> },
            { key: 'calls', header: t('revenue.calls'), align: 'right', render: (row) => formatDecimal(row.calls, i18n.language) },
            { key: 'minutes', header: t('revenue.minutes'), align: 'right', render: (row) => formatDecimal(row.billedMinutes, i18n.language) },
            { key: 'revenue', header: t('revenue.revenue'), align: 'right', render: (row) => <Money amount={row.revenue} /> },
            { key: 'cost', header: t('revenue.cost'), align: 'right', render: (row) => (row.agentCost === null ? <Text span c="dimmed">—</Text> : <Money amount={row.agentCost} />) },
            { key: 'margin', header: t('revenue.margin'), align: 'right', render: (row) => <MarginCell row={row} /> },
          ]}
        />
        <Text size="xs" c="dimmed">{t('revenue.note')}</Text>
      </Stack>
    </Card>
  );
}
