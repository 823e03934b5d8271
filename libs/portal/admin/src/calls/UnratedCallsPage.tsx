import type { paths } from '@billing/portal-api-client';
import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Alert, Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { CustomerPicker } from './CustomerPicker.js';
import { UNRATED_REASONS, type UnratedReason } from './search.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { usePhone } from '../shared/use-phone.js';

type UnratedPage = paths['/api/v1/calls/unrated']['get']['responses'][200]['content']['application/json'];
type UnratedCall = UnratedPage['items'][number];

const PAGE_SIZE = 50;
/**
 * The feed has no event for a call kept unrated (docs/API.md §12): its authorization's hold is
 * released (`hold`, state released) when the CDR is not charged, and a re-rated call is a `call`.
 * A CDR of an account nobody holds (no authorization, no hold) says nothing: the list shows it on
 * the next of these events or a reload.
 */
const CALL_EVENTS = ['call', 'hold', 'resync'] as const;

/** Calls kept unrated with their reason; re-rate one, or every one the filters select. */
export function UnratedCallsPage() {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const search = useSearch({ from: '/admin/calls/unrated' });
  const navigate = useNavigate({ from: '/admin/calls/unrated' });
  useLiveRefresh(['calls', 'unrated'], CALL_EVENTS);
  const calls = useInfiniteQuery({
    queryKey: ['calls', 'unrated', search],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: UnratedPage) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<UnratedPage> =>
      orThrow(api.GET('/api/v1/calls/unrated', { params: { query: { limit: PAGE_SIZE, ...search, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calls'] });
  // takes the call, not its id: the answer is worded by the call's destination and start
  const reRateOne = useGuardedMutation({ mutationFn: (call: UnratedCall) => orThrow(api.POST('/api/v1/calls/{callId}/re-rate', { params: { path: { callId: call.callId } } })), onSuccess: refresh });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const reRateMany = useGuardedMutation({ mutationFn: () => orThrow(api.POST('/api/v1/calls/re-rate', { body: { ...search, limit: 1000 } })), onSuccess: refresh });
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];
  // a phone shows the number (start and seconds under it), the reason (account under it) and re-rate
  const phone = usePhone();
  const reasonBadge = (call: UnratedCall) => <StatusBadge color="orange">{call.reason === null ? '—' : t(`calls.reasons.${call.reason}`, { defaultValue: call.reason })}</StatusBadge>;
  const accountOf = (call: UnratedCall) =>
    call.customerId === null ? (call.account ?? call.sipUsername ?? call.sourceIp ?? '—') : (
      <Anchor renderRoot={(props) => <Link {...props} to="/admin/customers/$customerId" params={{ customerId: call.customerId ?? '' }} search={{}} />}>{call.account ?? call.customerId}</Anchor>
    );
  const summary = reRateMany.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('calls.title')}</Title>
        <Button onClick={() => reRateMany.mutate()} loading={reRateMany.isPending} disabled={items.length === 0}>{t('calls.reRateAll')}</Button>
      </Group>
      <Text c="dimmed" size="sm">{t('calls.intro')}</Text>
      <form role="search" aria-label={t('calls.filters')} onSubmit={(event) => event.preventDefault()}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('calls.reason')}
            data={[{ value: '', label: t('calls.anyReason') }, ...UNRATED_REASONS.map((reason) => ({ value: reason, label: t(`calls.reasons.${reason}`) }))]}
            value={search.reason ?? ''}
            onChange={(reason) => void navigate({ search: { ...search, reason: (reason || undefined) as UnratedReason | undefined } })}
            allowDeselect={false}
            miw={220}
          />
          <CustomerPicker label={t('calls.customer')} placeholder={t('calls.anyCustomer')} value={search.customerId ?? null} onChange={(customerId) => void navigate({ search: { ...search, customerId: customerId ?? undefined } })} />
        </Group>
      </form>
      {summary !== undefined && (
        <Alert color={summary.stillUnrated === 0 ? 'green' : 'orange'} variant="light" role="status">
          <Stack gap={4}>
            {summary.reRated > 0 && <Text size="sm">{t('calls.pricedNow', { count: summary.reRated })} <Money amount={summary.cost} /></Text>}
            {summary.stillUnrated > 0 && <Text size="sm">{t('calls.notPriced', { count: summary.stillUnrated })} {search.reason === undefined ? t('calls.fixThen') : t(`calls.fix.${search.reason}`)}</Text>}
            {/* remaining counts the calls still unrated after this run, those just tried too */}
            {summary.remaining > summary.stillUnrated && <Text size="sm">{t('calls.moreToTry', { count: summary.remaining - summary.stillUnrated })}</Text>}
          </Stack>
        </Alert>
      )}
      <ProblemAlert error={calls.error ?? reRateOne.error ?? reRateMany.error} />
      {reRateOne.data !== undefined && (
        <Alert color={reRateOne.data.status === 'rated' ? 'green' : 'orange'} variant="light" role="status">
          {t(reRateOne.data.status === 'rated' ? 'calls.reRated' : 'calls.stillUnrated', { destination: reRateOne.variables?.destination ?? '', at: reRateOne.variables === undefined ? '' : when(reRateOne.variables.startedAt), reason: reRateOne.data.reason === null ? '' : t(`calls.reasons.${reRateOne.data.reason}`, { defaultValue: reRateOne.data.reason }) })}{' '}
          {reRateOne.data.status === 'rated' ? <Money amount={reRateOne.data.cost} /> : reRateOne.data.reason !== null && t(`calls.fix.${reRateOne.data.reason}`, { defaultValue: '' })}
        </Alert>
      )}
      <DataTable<UnratedCall>
        caption={t('calls.title')}
        rows={items}
        rowKey={(call) => call.callId}
        loading={calls.isPending}
        emptyText={t('calls.none')}
        hasMore={calls.hasNextPage}
        onLoadMore={() => void calls.fetchNextPage()}
        loadingMore={calls.isFetchingNextPage}
        minWidth={phone ? 320 : 820}
        columns={[
          ...(phone
            ? [{ key: 'call', header: t('calls.destination'), render: (call: UnratedCall) => <Stack gap={0}><Text span ff="monospace" size="sm">{call.destination}</Text><Text size="xs" c="dimmed">{when(call.startedAt)} · {call.billsec} s</Text></Stack> }]
            : [{ key: 'startedAt', header: t('calls.startedAt'), render: (call: UnratedCall) => when(call.startedAt) }]),
          { key: 'reason', header: t('calls.reason'), render: (call) => (phone ? <Stack gap={2} align="flex-start">{reasonBadge(call)}<Text size="xs">{accountOf(call)}</Text></Stack> : reasonBadge(call)) },
          ...(phone
            ? []
            : [
                { key: 'account', header: t('calls.account'), render: accountOf },
                { key: 'destination', header: t('calls.destination'), render: (call: UnratedCall) => <Text span ff="monospace" size="sm">{call.destination}</Text> },
                { key: 'billsec', header: t('calls.billsec'), render: (call: UnratedCall) => call.billsec, align: 'right' as const },
              ]),
          {
            key: 'reRate',
            header: '',
            render: (call) => (
              <Button size="xs" variant="light" aria-label={t('calls.reRateLabel', { destination: call.destination, at: when(call.startedAt) })} loading={reRateOne.isPending && reRateOne.variables?.callId === call.callId} onClick={() => reRateOne.mutate(call)}>
                {t('calls.reRate')}
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}
