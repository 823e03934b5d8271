import { useSession } from '@billing/portal-session';
import { downloadCsv, ProblemAlert, useGuardedMutation, usePortalConfig } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallFilters } from '../calls/CallFilters.js';
import { browserTimeZone, callsApiQuery, type CallSearch } from '../calls/call-search.js';
import { useCallPages } from '../calls/use-call-pages.js';
import { VirtualCallList } from '../calls/VirtualCallList.js';
import { customerKeys } from '../shared/customer-api.js';
import { callIdOf, useCustomerLive } from '../shared/use-customer-live.js';
import { useSipUsers } from '../shared/use-sip-users.js';
import { useDateTimeFormat } from '../shared/use-date-time-format.js';

/** Scrolled less than this from the top, a new call is shown at once; deeper, a button offers it. */
const NEAR_TOP_PX = 120;

/** Call history: filters in the URL, a virtualised list paging through the API, CSV of the filtered set. */
export function CallsPage() {
  const { t } = useTranslation('customer');
  const { subjectId, authFetch } = useSession();
  const search = useSearch({ from: '/customer/calls' });
  const navigate = useNavigate({ from: '/customer/calls' });
  const queryClient = useQueryClient();
  const config = usePortalConfig();
  const sipUsers = useSipUsers();
  const formatTime = useDateTimeFormat();
  const timeZone = useMemo(() => browserTimeZone(), []);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // the calls announced while scrolled down, by id: one call can arrive as two events
  const [newCallIds, setNewCallIds] = useState<ReadonlySet<string>>(() => new Set());
  const reversed = search.from !== undefined && search.to !== undefined && search.from > search.to;
  const pages = useCallPages(search, !reversed);
  const calls = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);

  // Refetching every loaded page of a long list on each call would be heavy: keep the first page
  // only and fetch it again (scrolling loads the rest as before).
  const showNewest = useCallback(() => {
    setNewCallIds(new Set());
    queryClient.setQueriesData<InfiniteData<unknown, string | undefined>>({ queryKey: customerKeys.calls(subjectId) }, (data) => (data === undefined ? data : { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) }));
    void queryClient.invalidateQueries({ queryKey: customerKeys.calls(subjectId) });
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryClient, subjectId]);
  useCustomerLive((event) => {
    if ((scrollRef.current?.scrollTop ?? 0) < NEAR_TOP_PX) {
      showNewest();
      return;
    }
    const callId = callIdOf(event);
    setNewCallIds((ids) => (ids.has(callId) ? ids : new Set(ids).add(callId)));
  });

  const exportCsv = useGuardedMutation({
    mutationFn: () => {
      const query = new URLSearchParams({ ...callsApiQuery(search), format: 'csv' });
      return downloadCsv(authFetch, `/api/v1/customers/${encodeURIComponent(subjectId)}/calls?${query.toString()}`, 'calls.csv');
    },
  });
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages]);
  const setSearch = (next: CallSearch) => void navigate({ search: next, replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('calls.title')}
          </Title>
          <Text c="dimmed">{t('calls.intro')}</Text>
        </div>
        <Button variant="light" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} disabled={reversed}>
          {t('calls.export')}
        </Button>
      </Group>
      <ProblemAlert error={exportCsv.error} />
      <Card withBorder radius="md" padding="md">
        <CallFilters value={search} onChange={setSearch} timeZone={timeZone} sipUsers={sipUsers.data?.items ?? []} />
      </Card>
      <ProblemAlert error={pages.error ?? config.error} />
      {newCallIds.size > 0 && (
        <Button variant="filled" color="itc" onClick={showNewest} aria-live="polite">
          {t('calls.newCalls', { count: newCallIds.size })}
        </Button>
      )}
      {config.data !== undefined && (
        <VirtualCallList
          calls={calls}
          hasMore={pages.hasNextPage}
          loadingMore={pages.isFetching}
          loadMore={loadMore}
          currency={config.data.currency}
          formatTime={formatTime}
          label={t('calls.listLabel')}
          scrollRef={scrollRef}
        />
      )}
    </Stack>
  );
}
