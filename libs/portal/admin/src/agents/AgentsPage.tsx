import { DataTable, ProblemAlert } from '@billing/portal-ui';
import { Anchor, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AgentStatusBadge } from './AgentStatusBadge.js';
import { BalanceCell } from './BalanceCell.js';
import { CardTopUpNotice } from '../shared/CardTopUpNotice.js';
import { useDecimal } from '../shared/use-decimal.js';
import { useLiveRefresh } from '../shared/use-live-refresh.js';
import { usePhone } from '../shared/use-phone.js';
import { CreateAgentModal } from './CreateAgentModal.js';
import { useAgentRows, type AgentRow } from './use-agent-rows.js';

const MONEY_EVENTS = ['deposit', 'deposit-reversed', 'transfer', 'commission', 'balance', 'resync'] as const;

/** ITC's agents: search and status in the URL, balances, cursor pages, "new agent". */
export function AgentsPage(): ReactElement {
  const { t } = useTranslation('admin');
  const search = useSearch({ from: '/admin/agents' });
  const navigate = useNavigate({ from: '/admin/agents' });
  const rows = useAgentRows(search);
  const decimal = useDecimal();
  // money moving anywhere changes the balances column
  useLiveRefresh(['admin', 'agents', 'list'], MONEY_EVENTS);
  const [text, setText] = useState(search.q ?? '');
  const [creating, { open, close }] = useDisclosure(false);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  // a phone shows name (username under it), balance and status; e-mail and commission are on the agent's page
  const phone = usePhone();

  const applySearch = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    void navigate({ search: (prev) => ({ ...prev, q: q === '' ? undefined : q }) });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('agents.title')}
        </Title>
        <Button onClick={open}>{t('agents.new')}</Button>
      </Group>
      <CardTopUpNotice />
      <Group component="form" onSubmit={applySearch} role="search" align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('agents.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={100} style={{ flex: '1 1 200px' }} />
        <Select
          label={t('agents.statusFilter')}
          data={[
            { value: '', label: t('agents.status.all') },
            { value: 'active', label: t('agents.status.active') },
            { value: 'suspended', label: t('agents.status.suspended') },
          ]}
          value={search.status ?? ''}
          allowDeselect={false}
          onChange={(value) => void navigate({ search: (prev) => ({ ...prev, status: value === 'active' || value === 'suspended' ? value : undefined }) })}
          w={170}
        />
        <Button type="submit" variant="light">
          {t('agents.searchSubmit')}
        </Button>
      </Group>
      <ProblemAlert error={rows.error} />
      <DataTable<AgentRow>
        caption={t('agents.caption')}
        rows={items}
        rowKey={(row) => row.agent.id}
        loading={rows.isPending}
        hasMore={rows.hasNextPage}
        loadingMore={rows.isFetchingNextPage}
        onLoadMore={() => void rows.fetchNextPage()}
        emptyText={t('agents.empty')}
        minWidth={phone ? 300 : 720}
        columns={[
          {
            key: 'name',
            header: t('agents.fields.name'),
            render: (row) => (
              <Stack gap={0}>
                <Anchor fw={600} renderRoot={(props) => <Link {...props} to="/admin/agents/$agentId" params={{ agentId: row.agent.id }} />}>
                  {row.agent.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {phone ? row.agent.username : row.agent.contactEmail}
                </Text>
              </Stack>
            ),
          },
          { key: 'balance', header: t('agents.fields.balance'), align: 'right', render: (row) => <BalanceCell row={row.balance} /> },
          ...(phone ? [] : [{ key: 'username', header: t('agents.fields.username'), render: (row: AgentRow) => row.agent.username }]),
          { key: 'status', header: t('agents.fields.status'), render: (row) => <AgentStatusBadge status={row.agent.status} /> },
          ...(phone ? [] : [{ key: 'commission', header: t('agents.fields.commissionPercent'), align: 'right' as const, render: (row: AgentRow) => decimal(row.agent.commissionPercent, ' %') }]),
        ]}
      />
      <CreateAgentModal
        opened={creating}
        onClose={close}
        onCreated={(id) => {
          close();
          void navigate({ to: '/admin/agents/$agentId', params: { agentId: id } });
        }}
      />
    </Stack>
  );
}
