import { useSession } from '@billing/portal-session';
import { DataTable, downloadCsv, formatDecimal, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { AgentLedgerPage, CommissionPage } from '../api/types.js';
import { ledgerKindKey } from '../hooks/ledger-kind.js';
import { Money } from '../hooks/Money.js';
import { LedgerLinesCard } from '../ledger/LedgerLinesCard.js';

/** The agent's own books: its main-balance lines (the ledger card a customer's page has too) and its commission lines, each with CSV (docs/API.md §7). */
export function LedgerPage() {
  const { t, i18n } = useTranslation('agent');
  const { api, authFetch, subjectId } = useSession();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const exportCommissionsCsv = useGuardedMutation({ mutationFn: () => downloadCsv(authFetch, `/api/v1/agents/${encodeURIComponent(subjectId)}/commissions?format=csv`, 'agent-commissions.csv') });
  const commissions = useInfiniteQuery({
    queryKey: [...agentKeys.all, 'commissions', subjectId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => asJson<CommissionPage>(api.GET('/api/v1/agents/{id}/commissions', { params: { path: { id: subjectId }, query: { limit: 50, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('ledger.title')}</Title>
      <LedgerLinesCard
        title={t('ledger.main')}
        queryKey={[...agentKeys.all, 'ledger', subjectId]}
        fetchPage={(cursor) => asJson<AgentLedgerPage>(api.GET('/api/v1/agents/{id}/transactions', { params: { path: { id: subjectId }, query: { limit: 50, ...(cursor === undefined ? {} : { cursor }) } } }))}
        csvPath={`/api/v1/agents/${encodeURIComponent(subjectId)}/transactions?format=csv`}
        csvFileName="agent-transactions.csv"
        exportLabel={t('ledger.exportMainCsv')}
      />
      <Card withBorder padding="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="center">
            <Text fw={600} component="h2" fz="lg" m={0}>{t('ledger.commissions')}</Text>
            {/* its visible text (its name) says which lines it exports: the page has two exports */}
            <Button variant="light" size="xs" loading={exportCommissionsCsv.isPending} onClick={() => exportCommissionsCsv.mutate()}>{t('ledger.exportCommissionsCsv')}</Button>
          </Group>
          <ProblemAlert error={commissions.error ?? exportCommissionsCsv.error} />
          <DataTable
            cardsOnPhone
            caption={t('ledger.commissions')}
            rows={commissions.data?.pages.flatMap((page) => page.items) ?? []}
            rowKey={(line) => line.id}
            loading={commissions.isPending}
            hasMore={commissions.hasNextPage}
            onLoadMore={() => void commissions.fetchNextPage()}
            loadingMore={commissions.isFetchingNextPage}
            minWidth={640}
            columns={[
              { key: 'when', header: t('transactions.when'), render: (line) => when.format(new Date(line.occurredAt)) },
              { key: 'kind', header: t('transactions.kind'), render: (line) => t(ledgerKindKey(line.kind), { defaultValue: line.kind }) },
              { key: 'base', header: t('ledger.base'), align: 'right', render: (line) => (line.baseAmount === null ? '—' : <Money amount={line.baseAmount} />) },
              { key: 'percent', header: t('ledger.percent'), align: 'right', render: (line) => (line.commissionPercent === null ? '—' : `${formatDecimal(line.commissionPercent, i18n.language)} %`) },
              { key: 'amount', header: t('transactions.amount'), align: 'right', render: (line) => <Money amount={line.amount} /> },
              { key: 'after', header: t('ledger.commissionAfter'), align: 'right', render: (line) => <Money amount={line.commissionBalanceAfter} /> },
            ]}
          />
        </Stack>
      </Card>
    </Stack>
  );
}
