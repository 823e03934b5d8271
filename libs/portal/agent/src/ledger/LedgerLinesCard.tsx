import { useSession } from '@billing/portal-session';
import { DataTable, downloadCsv, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ledgerKindKey, ledgerReference } from '../hooks/ledger-kind.js';
import { Money } from '../hooks/Money.js';

/** One line of a balance's ledger (docs/API.md §7): the agent's own or one of its customers'. */
export interface LedgerLine {
  id: string;
  kind: string;
  ref: string | null;
  reference: string | null;
  amount: string;
  balanceAfter: string;
  occurredAt: string;
}

export interface LedgerLinesCardProps {
  title: string;
  queryKey: readonly unknown[];
  /** one page of lines, newest first; `cursor` undefined: the first page */
  fetchPage: (cursor: string | undefined) => Promise<{ items: LedgerLine[]; nextCursor?: string | null }>;
  /** the same lines as CSV (`?format=csv`), downloaded through the bearer token */
  csvPath: string;
  csvFileName: string;
  /** the CSV button's text where the page has another export (default: the shared "Export CSV") */
  exportLabel?: string;
}

/** A balance's ledger lines (deposits, transfers, call charges), newest first, paged, with CSV. */
export function LedgerLinesCard({ title, queryKey, fetchPage, csvPath, csvFileName, exportLabel }: LedgerLinesCardProps) {
  const { t, i18n } = useTranslation('agent');
  const { authFetch } = useSession();
  const exportCsv = useGuardedMutation({ mutationFn: () => downloadCsv(authFetch, csvPath, csvFileName) });
  const lines = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text fw={600} component="h2" fz="lg" m={0}>{title}</Text>
          <Button variant="light" size="xs" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>{exportLabel ?? t('calls.exportCsv')}</Button>
        </Group>
        <ProblemAlert error={lines.error ?? exportCsv.error} />
        <DataTable
          cardsOnPhone
          caption={title}
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
            { key: 'ref', header: t('transactions.reference'), render: (line) => <Reference line={line} /> },
            { key: 'amount', header: t('transactions.amount'), align: 'right', render: (line) => <Money amount={line.amount} /> },
            { key: 'after', header: t('transactions.balanceAfter'), align: 'right', render: (line) => <Money amount={line.balanceAfter} colorNegative /> },
          ]}
        />
      </Stack>
    </Card>
  );
}

/** The receipt reference or the line's id; an opening deposit's id means nothing to a person, and its kind already says "Initial balance": nothing. */
function Reference({ line }: { line: LedgerLine }) {
  const reference = ledgerReference(line);
  if (reference === null) return null;
  return <Text size="xs" ff="monospace" truncate maw={200}>{reference}</Text>;
}
