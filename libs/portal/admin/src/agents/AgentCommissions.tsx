import { useSession } from '@billing/portal-session';
import { DataTable, downloadCsv, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/DateTime.js';
import { Money } from '../shared/Money.js';
import { useDecimal } from '../shared/use-decimal.js';
import type { CommissionLine } from './agent-wire.js';
import { CustomerAccountLink } from './CustomerAccountLink.js';
import { useAgentCommissions } from './use-agent.js';

/** The agent's commission lines: what it earned on each movement, reversals and moves to main; all of them as CSV. */
export function AgentCommissions({ agentId }: { agentId: string }) {
  const { t } = useTranslation('admin');
  const { authFetch } = useSession();
  const lines = useAgentCommissions(agentId);
  const exportCsv = useGuardedMutation({ mutationFn: () => downloadCsv(authFetch, `/api/v1/agents/${encodeURIComponent(agentId)}/commissions?format=csv`, `commissions-${agentId}.csv`) });
  const decimal = useDecimal();
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button variant="light" size="xs" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          {t('agents.commissions.exportCsv')}
        </Button>
      </Group>
      <ProblemAlert error={lines.error ?? exportCsv.error} />
      <DataTable<CommissionLine>
        caption={t('agents.commissions.caption')}
        rows={lines.data?.pages.flatMap((page) => page.items) ?? []}
        rowKey={(line) => line.id}
        loading={lines.isPending}
        hasMore={lines.hasNextPage}
        loadingMore={lines.isFetchingNextPage}
        onLoadMore={() => void lines.fetchNextPage()}
        emptyText={t('agents.commissions.empty')}
        minWidth={800}
        columns={[
          { key: 'at', header: t('agents.ledger.at'), render: (line) => <DateTime at={line.occurredAt} /> },
          { key: 'what', header: t('agents.ledger.what'), render: (line) => t(`agents.commissions.kinds.${line.kind.replace(':', '_')}`, { defaultValue: line.kind }) },
          // a move to main has no customer
          { key: 'customer', header: t('agents.commissions.customer'), render: (line) => (line.customerId === null ? null : <CustomerAccountLink customerId={line.customerId} />) },
          { key: 'base', header: t('agents.commissions.base'), align: 'right', render: (line) => (line.baseAmount === null ? null : <Money amount={line.baseAmount} />) },
          { key: 'percent', header: t('agents.commissions.percent'), align: 'right', render: (line) => decimal(line.commissionPercent, ' %') },
          { key: 'amount', header: t('agents.ledger.amount'), align: 'right', render: (line) => <Money amount={line.amount} colorNegative /> },
          { key: 'after', header: t('agents.commissions.after'), align: 'right', render: (line) => <Money amount={line.commissionBalanceAfter} /> },
        ]}
      />
    </Stack>
  );
}
