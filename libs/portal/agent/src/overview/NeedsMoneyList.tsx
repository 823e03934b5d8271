import { useSession } from '@billing/portal-session';
import { DataTable } from '@billing/portal-ui';
import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { BalancePage, BalanceRow } from '../api/types.js';
import { Money } from '../hooks/Money.js';
import { useCustomer } from '../hooks/use-customer.js';
import { AnchorLink } from '../hooks/links.js';
import { Tag } from '../hooks/Tag.js';

function AccountLink({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <AnchorLink to="/agent/customers/$customerId" params={{ customerId }}>
      {customer.data?.accountNumber ?? customerId.slice(0, 8)}
    </AnchorLink>
  );
}

function Why({ row }: { row: BalanceRow }) {
  const { t } = useTranslation('agent');
  return row.inDebt ? <Tag color="red" size="sm">{t('needsMoney.inDebt')}</Tag> : <Tag color="orange" size="sm">{t('needsMoney.low')}</Tag>;
}

/** The agent's customers in debt or below their low-balance threshold. */
export function NeedsMoneyList() {
  const { t } = useTranslation('agent');
  const { api, subjectId } = useSession();
  const list = useQuery({
    queryKey: agentKeys.needsMoney(subjectId),
    queryFn: () => asJson<BalancePage>(api.GET('/api/v1/wallet/balances', { params: { query: { kind: 'customer', needsMoney: 'true', limit: 50 } } })),
  });
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('needsMoney.title')}</Text>
        <DataTable cardsOnPhone
          caption={t('needsMoney.title')}
          rows={list.data?.items ?? []}
          rowKey={(row) => row.id}
          loading={list.isPending}
          emptyText={t('needsMoney.none')}
          minWidth={480}
          columns={[
            { key: 'account', header: t('customers.account'), render: (row) => <AccountLink customerId={row.id} /> },
            { key: 'why', header: t('needsMoney.why'), render: (row) => <Why row={row} /> },
            { key: 'balance', header: t('customers.balance'), align: 'right', render: (row) => <Money amount={row.balance} colorNegative /> },
            { key: 'threshold', header: t('needsMoney.threshold'), align: 'right', render: (row) => <Money amount={row.lowBalanceThreshold} /> },
          ]}
        />
      </Stack>
    </Card>
  );
}
