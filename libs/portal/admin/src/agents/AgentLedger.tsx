import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../shared/Money.js';
import { reversibleDeposits, type LedgerLine } from './agent-wire.js';
import { ReverseDepositModal } from './ReverseDepositModal.js';
import { useAgentLedger } from './use-agent.js';
import { DateTime } from '../shared/DateTime.js';

/** The agent's main-balance ledger, newest first, with "reverse" on its deposits. */
export function AgentLedger({ agentId }: { agentId: string }) {
  const { t } = useTranslation('admin');
  const ledger = useAgentLedger(agentId);
  const [reversing, setReversing] = useState<LedgerLine | null>(null);
  const lines = ledger.data?.pages.flatMap((page) => page.items) ?? [];
  const reversible = reversibleDeposits(lines);
  return (
    <Stack gap="sm">
      <ProblemAlert error={ledger.error} />
      <DataTable<LedgerLine>
        caption={t('agents.ledger.caption')}
        rows={lines}
        rowKey={(line) => line.id}
        loading={ledger.isPending}
        hasMore={ledger.hasNextPage}
        loadingMore={ledger.isFetchingNextPage}
        onLoadMore={() => void ledger.fetchNextPage()}
        emptyText={t('agents.ledger.empty')}
        minWidth={680}
        columns={[
          { key: 'at', header: t('agents.ledger.at'), render: (line) => <DateTime at={line.occurredAt} /> },
          {
            key: 'what',
            header: t('agents.ledger.what'),
            render: (line) => (
              <Stack gap={0}>
                <Text size="sm">{t(`agents.ledger.kinds.${line.kind.replace(':', '_')}`, { defaultValue: line.kind })}</Text>
                {line.reference !== null && (
                  <Text size="xs" c="dimmed">
                    {line.reference}
                  </Text>
                )}
              </Stack>
            ),
          },
          { key: 'amount', header: t('agents.ledger.amount'), align: 'right', render: (line) => <Money amount={line.amount} colorNegative /> },
          { key: 'after', header: t('agents.ledger.balanceAfter'), align: 'right', render: (line) => <Money amount={line.balanceAfter} colorNegative /> },
          {
            key: 'actions',
            header: t('agents.ledger.actions'),
            align: 'right',
            render: (line) =>
              line.kind.startsWith('deposit:') && reversible.has(line.ref) ? (
                <Button size="compact-sm" variant="subtle" color="red" styles={{ label: { color: "var(--mantine-color-red-9)" } }} onClick={() => setReversing(line)} aria-label={t('agents.reverse.labelFor', { reference: line.reference ?? line.ref })}>
                  {t('agents.reverse.open')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ReverseDepositModal agentId={agentId} line={reversing} onClose={() => setReversing(null)} />
    </Stack>
  );
}
