import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, MoneyText, ProblemAlert } from '@billing/portal-ui';
import { Card, Stack, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerKeys, type LedgerLine, type LedgerPage } from '../shared/customer-api.js';
import { useDateTimeFormat } from '../shared/use-date-time-format.js';

/** The customer's ledger lines, newest first, a cursor page at a time. */
export function TransactionsCard({ currency }: { currency: string }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const formatTime = useDateTimeFormat();
  const lines = useInfiniteQuery({
    queryKey: customerKeys.transactions(subjectId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await orThrow(api.GET('/api/v1/customers/{id}/transactions', { params: { path: { id: subjectId }, query: { limit: 25, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } }))) as unknown as LedgerPage,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = lines.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('transactions.title')}
        </Title>
        <ProblemAlert error={lines.error} />
        <DataTable<LedgerLine>
          caption={t('transactions.title')}
          rows={rows}
          rowKey={(row) => row.id}
          loading={lines.isPending}
          hasMore={lines.hasNextPage}
          loadingMore={lines.isFetchingNextPage}
          onLoadMore={() => void lines.fetchNextPage()}
          emptyText={t('transactions.empty')}
          minWidth={520}
          columns={[
            { key: 'when', header: t('transactions.when'), render: (row) => formatTime(row.occurredAt) },
            { key: 'kind', header: t('transactions.kind'), render: (row) => t(`transactions.kinds.${row.kind.replace(/[^a-z]/g, '_')}`, { defaultValue: row.kind }) },
            { key: 'reference', header: t('transactions.reference'), render: (row) => row.reference ?? (row.kind === 'call' ? row.ref : '') },
            { key: 'amount', header: t('transactions.amount'), align: 'right', render: (row) => <MoneyText amount={row.amount} currency={currency} colorNegative /> },
            { key: 'after', header: t('transactions.balanceAfter'), align: 'right', render: (row) => <MoneyText amount={row.balanceAfter} currency={currency} /> },
          ]}
        />
      </Stack>
    </Card>
  );
}
