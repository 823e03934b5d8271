import { ProblemAlert } from '@billing/portal-ui';
import { Anchor, Button, Group, Loader, Stack, Tabs, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { AgentCommissions } from './AgentCommissions.js';
import { AgentDepositCard } from './AgentDepositCard.js';
import { AgentFigures } from './AgentFigures.js';
import { AgentHistory } from './AgentHistory.js';
import { AgentLedger } from './AgentLedger.js';
import { AgentSettings } from './AgentSettings.js';
import { AgentStatusBadge } from './AgentStatusBadge.js';
import { EditAgentModal } from './EditAgentModal.js';
import { SetPasswordButton } from './SetPasswordButton.js';
import { SuspendAgentButton } from './SuspendAgentButton.js';
import { agentKeys } from './agent-wire.js';
import { useAgent, useAgentOverview } from './use-agent.js';

const MONEY_EVENTS = ['deposit', 'deposit-reversed', 'transfer', 'commission', 'balance', 'resync'] as const;

/** One agent: its money, a manual deposit, its settings (edit, suspend) and its ledger and commission lines. */
export function AgentPage(): ReactElement {
  const { t } = useTranslation('admin');
  const { agentId } = useParams({ from: '/admin/agents/$agentId' });
  const agent = useAgent(agentId);
  const overview = useAgentOverview(agentId);
  // its money, ledger and commission lines move with the feed (deposits, its customers' transfers)
  useLiveRefresh(agentKeys.one(agentId), MONEY_EVENTS);
  const [editing, { open, close }] = useDisclosure(false);

  if (agent.isPending) return <Loader aria-label={t('common.loading')} />;
  if (agent.error !== null) return <ProblemAlert error={agent.error} />;
  const data = agent.data;
  return (
    <Stack gap="md">
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/admin/agents" />}>
        ← {t('agents.back')}
      </Anchor>
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {data.name}
          </Title>
          <AgentStatusBadge status={data.status} />
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={open}>
            {t('agents.edit')}
          </Button>
          <SetPasswordButton agent={data} />
          <SuspendAgentButton agent={data} />
        </Group>
      </Group>
      <ProblemAlert error={overview.error} />
      {overview.data !== undefined && <AgentFigures overview={overview.data} />}
      <AgentDepositCard agentId={agentId} />
      <Tabs defaultValue="ledger" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="ledger">{t('agents.tabs.ledger')}</Tabs.Tab>
          <Tabs.Tab value="commissions">{t('agents.tabs.commissions')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('agents.tabs.settings')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('agents.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ledger" pt="sm">
          <AgentLedger agentId={agentId} />
        </Tabs.Panel>
        <Tabs.Panel value="commissions" pt="sm">
          <AgentCommissions agentId={agentId} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="sm">
          <AgentSettings agent={data} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <AgentHistory agentId={agentId} />
        </Tabs.Panel>
      </Tabs>
      <EditAgentModal agent={data} opened={editing} onClose={close} />
    </Stack>
  );
}
