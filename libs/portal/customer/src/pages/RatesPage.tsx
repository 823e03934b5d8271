import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, MoneyText, ProblemAlert, usePortalConfig } from '@billing/portal-ui';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RateLookup } from '../rates/RateLookup.js';
import { RateParts } from '../rates/RateParts.js';
import { customerKeys } from '../shared/customer-api.js';

/** The prices the customer pays: a number's price, and the whole list a page at a time. */
export function RatesPage() {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const config = usePortalConfig();
  const rates = useInfiniteQuery({
    queryKey: customerKeys.rates(subjectId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => orThrow(api.GET('/api/v1/customers/{id}/rates', { params: { path: { id: subjectId }, query: { limit: 100, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.rows.nextCursor ?? undefined,
  });
  const rows = rates.data?.pages.flatMap((page) => page.rows.items) ?? [];
  const currency = config.data?.currency;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('rates.title')}
        </Title>
        <Text c="dimmed">{t('rates.intro')}</Text>
      </div>
      <ProblemAlert error={config.error} />
      {currency !== undefined && (
        <>
          <Card withBorder radius="md" padding="lg">
            <RateLookup currency={currency} />
          </Card>
          <Card withBorder radius="md" padding="lg">
            <ProblemAlert error={rates.error} />
            <DataTable cardsOnPhone
              caption={t('rates.listCaption')}
              rows={rows}
              rowKey={(row) => row.prefix}
              loading={rates.isPending}
              hasMore={rates.hasNextPage}
              loadingMore={rates.isFetchingNextPage}
              onLoadMore={() => void rates.fetchNextPage()}
              emptyText={t('rates.empty')}
              minWidth={480}
              columns={[
                { key: 'prefix', header: t('rates.prefix'), render: (row) => row.prefix },
                { key: 'destination', header: t('rates.destination'), render: (row) => row.destination },
                { key: 'price', header: t('rates.price'), align: 'right', render: (row) => <RateParts row={row} currency={currency} /> },
                { key: 'connect', header: t('rates.connectFee'), align: 'right', render: (row) => <MoneyText amount={row.connectFee} currency={currency} /> },
              ]}
            />
          </Card>
        </>
      )}
    </Stack>
  );
}
