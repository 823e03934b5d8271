import { useSession, orThrow } from '@billing/portal-session';
import { DataTable, downloadCsv, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { Money } from '../hooks/Money.js';
import type { CustomerSearch } from '../search.js';
import { callQuery, callsCsvPath } from './call-query.js';
import { CallFilters } from './CallFilters.js';
import { sipUserLabel } from './sip-user-label.js';
import { useSipUsers } from './use-sip-users.js';

/** The customer's calls (per SIP user too), filtered by the URL, with a CSV export of the same set. */
export function CallsPanel({ customerId, search, onSearch }: { customerId: string; search: CustomerSearch; onSearch: (next: CustomerSearch) => void }) {
  const { t, i18n } = useTranslation('agent');
  const { api, authFetch } = useSession();
  const sipUsers = useSipUsers(customerId);
  const query = callQuery(search);
  const calls = useInfiniteQuery({
    queryKey: [...agentKeys.customer(customerId), 'calls', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => orThrow(api.GET('/api/v1/customers/{id}/calls', { params: { path: { id: customerId }, query: { ...query, limit: 100, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const exportCsv = useGuardedMutation({ mutationFn: () => downloadCsv(authFetch, callsCsvPath(customerId, query), 'calls.csv') });
  // calls name the SIP user by username; show its display name where it has one
  const sipLabels = new Map((sipUsers.data?.items ?? []).map((user) => [user.sipUsername, sipUserLabel(user)]));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Text fw={600} component="h2" fz="lg" m={0}>{t('calls.title')}</Text>
          <Button variant="light" size="xs" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>{t('calls.exportCsv')}</Button>
        </Group>
        <CallFilters
          value={search}
          sipUsers={(sipUsers.data?.items ?? []).map((user) => ({ value: user.sipUsername, label: sipUserLabel(user) }))}
          onChange={(filters) => onSearch({ tab: 'calls', ...filters })}
        />
        <ProblemAlert error={calls.error ?? exportCsv.error} />
        <DataTable cardsOnPhone
          caption={t('calls.title')}
          rows={calls.data?.pages.flatMap((page) => page.items) ?? []}
          rowKey={(call) => call.callId}
          loading={calls.isPending}
          emptyText={t('calls.none')}
          hasMore={calls.hasNextPage}
          onLoadMore={() => void calls.fetchNextPage()}
          loadingMore={calls.isFetchingNextPage}
          minWidth={720}
          columns={[
            { key: 'start', header: t('calls.start'), render: (call) => when.format(new Date(call.startedAt)) },
            { key: 'sip', header: t('calls.sipUser'), render: (call) => (call.sipUsername === null ? '—' : (sipLabels.get(call.sipUsername) ?? call.sipUsername)) },
            { key: 'destination', header: t('calls.destination'), render: (call) => <Stack gap={0}><Text size="sm" ff="monospace">{call.destination}</Text>{call.destinationName !== null && <Text size="xs" c="dimmed">{call.destinationName}</Text>}</Stack> },
            { key: 'status', header: t('calls.status'), render: (call) => t(`calls.statuses.${call.status}`, { defaultValue: call.status }) },
            { key: 'billed', header: t('calls.billedSeconds'), align: 'right', render: (call) => call.billedSeconds ?? '—' },
            { key: 'cost', header: t('calls.cost'), align: 'right', render: (call) => (call.cost === null ? '—' : <Money amount={call.cost} />) },
          ]}
        />
      </Stack>
    </Card>
  );
}
