import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, MoneyText, ProblemAlert } from '@billing/portal-ui';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerKeys, type LedgerLine } from '../shared/customer-api.js';
import { useDateTimeFormat } from '../shared/use-date-time-format.js';

/** What a line refers to: the receipt reference, or the call's id. */
function reference(line: LedgerLine): string {
  return line.reference ?? (line.kind === 'call' ? (line.ref ?? '') : '');
}

/** The customer's ledger lines, newest first, a cursor page at a time (three columns: fits a phone). */
export function TransactionsCard({ currency }: { currency: string }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const formatTime = useDateTimeFormat();
  const lines = useInfiniteQuery({
    queryKey: customerKeys.transactions(subjectId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await orThrow(api.GET('/api/v1/customers/{id}/transactions', { params: { path: { id: subjectId }, query: { limit: 25, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } }))),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = lines.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('transactions.title')}
        </Title>
        <ProblemAlert error={lines.error} />
        <DataTable<LedgerLine> cardsOnPhone
          caption={t('transactions.title')}
          rows={rows}
          rowKey={(row) => row.id}
          loading={lines.isPending}
          hasMore={lines.hasNextPage}
          loadingMore={lines.isFetchingNextPage}
          onLoadMore={() => void lines.fetchNextPage()}
          emptyText={t('transactions.empty')}
          minWidth={280}
          columns={[
            {
              key: 'what',
              header: t('transactions.what'),
              render: (row) => (
                <>
                  <Text size="sm" fw={600}>
                    {t(`transactions.kinds.${row.kind.replace(/[^a-z]/g, '_')}`, { defaultValue: row.kind })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatTime(row.occurredAt)}
                  </Text>
                  {reference(row) !== '' && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {reference(row)}
                    </Text>
                  )}
                </>
              ),
            },
            { key: 'amount', header: t('transactions.amount'), align: 'right', render: (row) => <MoneyText amount={row.amount} currency={currency} /> },
            { key: 'after', header: t('transactions.balanceAfter'), align: 'right', render: (row) => <MoneyText amount={row.balanceAfter} currency={currency} /> },
          ]}
        />
      </Stack>
    </Card>
  );
}
