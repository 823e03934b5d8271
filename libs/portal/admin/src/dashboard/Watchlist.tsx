import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BalanceRow } from '../agents/agent-wire.js';
import { CustomerAccountLink } from '../agents/CustomerAccountLink.js';
import { Money } from '../shared/Money.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { usePhone } from '../shared/use-phone.js';
import { useWatchlist } from './use-dashboard-data.js';

/** Agents or customers in debt or below their low-balance threshold, each linking to its page. */
export function Watchlist({ kind, agentNames }: { kind: 'agent' | 'customer'; agentNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('admin');
  const list = useWatchlist(kind);
  // a phone stacks the agent under the account and the threshold under the balance, so the table fits its card
  const phone = usePhone();
  const agentOf = (row: BalanceRow) => (row.agentId === null ? t('dashboard.watch.itcDirect') : (agentNames.get(row.agentId) ?? row.agentId.slice(0, 8)));
  const title = t(kind === 'agent' ? 'dashboard.watch.agents' : 'dashboard.watch.customers');
  // the balances route types `id` as nullable (system accounts have none); agents and customers always carry theirs
  const link = (row: BalanceRow) => {
    const id = row.id;
    if (id === null) return <>{row.account}</>;
    return kind === 'agent' ? (
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/agents/$agentId" params={{ agentId: id }} />}>
        {agentNames.get(id) ?? id.slice(0, 8)}
      </Anchor>
    ) : (
      <CustomerAccountLink customerId={id} />
    );
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <ProblemAlert error={list.error} />
        <DataTable<BalanceRow>
          caption={title}
          rows={list.data?.items ?? []}
          rowKey={(row) => row.account}
          loading={list.isPending}
          emptyText={t('dashboard.watch.empty')}
          minWidth={phone ? 260 : kind === 'customer' ? 440 : 380}
          columns={[
            {
              key: 'id',
              header: t('dashboard.watch.account'),
              render: (row) => (phone && kind === 'customer' ? <Stack gap={0}>{link(row)}<Text size="xs" c="dimmed">{agentOf(row)}</Text></Stack> : link(row)),
            },
            ...(kind === 'customer' && !phone ? [{ key: 'agent', header: t('dashboard.watch.agent'), render: agentOf }] : []),
            {
              key: 'balance',
              header: t('dashboard.watch.balance'),
              align: 'right',
              render: (row) =>
                phone ? (
                  <Stack gap={0} align="flex-end"><Money amount={row.balance} colorNegative /><Text size="xs" c="dimmed">{t('dashboard.watch.threshold')} <Money amount={row.lowBalanceThreshold} /></Text></Stack>
                ) : (
                  <Money amount={row.balance} colorNegative />
                ),
            },
            ...(phone ? [] : [{ key: 'threshold', header: t('dashboard.watch.threshold'), align: 'right' as const, render: (row: BalanceRow) => <Money amount={row.lowBalanceThreshold} /> }]),
            {
              key: 'state',
              header: t('dashboard.watch.state'),
              render: (row) => <StatusBadge color={row.inDebt ? 'red' : 'yellow'} size="sm">{t(row.inDebt ? 'agents.flags.inDebt' : 'agents.flags.low')}</StatusBadge>,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}
