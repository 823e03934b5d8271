import { useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../agents/agent-wire.js';
import { asJson } from '../shared/as-json.js';
import { DateTime } from '../shared/DateTime.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { NotificationFilters } from './NotificationFilters.js';
import type { NotificationItem } from './notification-wire.js';

const STATUS_COLOR: Record<NotificationItem['status'], string> = { pending: 'blue', sent: 'teal', failed: 'red', skipped: 'gray' };

/** The e-mails the product sent or tried (receipts, low-balance warnings, credentials), newest first. */
export function NotificationsPage(): ReactElement {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const search = useSearch({ from: '/admin/notifications' });
  const navigate = useNavigate({ from: '/admin/notifications' });
  const list = useInfiniteQuery({
    queryKey: ['admin', 'notifications', search],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<NotificationItem>) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      asJson<Page<NotificationItem>>(api.GET('/api/v1/notifications', { params: { query: { limit: 50, ...search, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('notifications.title')}
      </Title>
      <NotificationFilters search={search} onChange={(next) => void navigate({ search: next })} />
      <ProblemAlert error={list.error} />
      <DataTable<NotificationItem>
        caption={t('notifications.caption')}
        rows={list.data?.pages.flatMap((page) => page.items) ?? []}
        rowKey={(item) => item.notificationId}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        emptyText={t('notifications.empty')}
        minWidth={760}
        columns={[
          { key: 'at', header: t('notifications.fields.requestedAt'), render: (item) => <DateTime at={item.requestedAt} /> },
          { key: 'kind', header: t('notifications.fields.kind'), render: (item) => t(`notifications.kinds.${item.kind}`, { defaultValue: item.kind }) },
          { key: 'recipient', header: t('notifications.fields.recipient'), render: (item) => <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{item.recipient}</Text> },
          { key: 'status', header: t('notifications.fields.status'), render: (item) => <StatusBadge color={STATUS_COLOR[item.status]}>{t(`notifications.status.${item.status}`, { defaultValue: item.status })}</StatusBadge> },
          {
            key: 'detail',
            header: t('notifications.fields.detail'),
            render: (item) => (
              <Stack gap={0}>
                {item.skipReason !== null && <Text size="xs">{t(`notifications.skip.${item.skipReason}`, { defaultValue: item.skipReason })}</Text>}
                {item.lastError !== null && (
                  <Text size="xs" c="red.9">
                    {item.lastError}
                  </Text>
                )}
                {item.nextAttemptAt !== null && (
                  <Text size="xs">
                    {t('notifications.nextAttempt')} <DateTime at={item.nextAttemptAt} />
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('notifications.attempts', { count: item.attempts })}
                </Text>
              </Stack>
            ),
          },
        ]}
      />
    </Stack>
  );
}
