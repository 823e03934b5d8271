import { useSession } from '@billing/portal-session';
import { DataTable, downloadCsv, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { LedgerPage } from '../api/types.js';
import { ledgerKindKey, ledgerReference } from '../hooks/ledger-kind.js';
import { Money } from '../hooks/Money.js';

/** The customer's ledger lines (deposits, transfers, call charges), newest first. */
export function TransactionsPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('agent');
  const { api, authFetch } = useSession();
  const exportCsv = useGuardedMutation({ mutationFn: () => downloadCsv(authFetch, `/api/v1/customers/${encodeURIComponent(customerId)}/transactions?format=csv`, 'transactions.csv') });
  const lines = useInfiniteQuery({
    queryKey: [...agentKeys.customer(customerId), 'transactions'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => asJson<LedgerPage>(api.GET('/api/v1/customers/{id}/transactions', { params: { path: { id: customerId }, query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text fw={600} component="h2" fz="lg" m={0}>{t('transactions.title')}</Text>
          <Button variant="light" size="xs" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>{t('calls.exportCsv')}</Button>
        </Group>
        <ProblemAlert error={lines.error ?? exportCsv.error} />
        <DataTable cardsOnPhone
          caption={t('transactions.title')}
          rows={lines.data?.pages.flatMap((page) => page.items) ?? []}
          rowKey={(line) => line.id}
          loading={lines.isPending}
          hasMore={lines.hasNextPage}
          onLoadMore={() => void lines.fetchNextPage()}
          loadingMore={lines.isFetchingNextPage}
          minWidth={600}
          columns={[
            { key: 'when', header: t('transactions.when'), render: (line) => when.format(new Date(line.occurredAt)) },
            { key: 'kind', header: t('transactions.kind'), render: (line) => t(ledgerKindKey(line.kind), { defaultValue: line.kind }) },
            { key: 'ref', header: t('transactions.reference'), render: (line) => (ledgerReference(line) === null ? <Text size="xs">{t('kinds.deposit_initial')}</Text> : <Text size="xs" ff="monospace" truncate maw={200}>{ledgerReference(line)}</Text>) },
            { key: 'amount', header: t('transactions.amount'), align: 'right', render: (line) => <Money amount={line.amount} /> },
            { key: 'after', header: t('transactions.balanceAfter'), align: 'right', render: (line) => <Money amount={line.balanceAfter} colorNegative /> },
          ]}
        />
      </Stack>
    </Card>
  );
}
