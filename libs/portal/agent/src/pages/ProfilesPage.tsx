import { useSession, orThrow } from '@billing/portal-session';
import { DataTable, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { OpenCustomerModal } from '../customers/OpenCustomerModal.js';
import { Money } from '../hooks/Money.js';
import { Tag } from '../hooks/Tag.js';
import { CreateProfileModal } from '../profiles/CreateProfileModal.js';
import { useSheets } from '../sheets/use-sheets.js';

/** The profiles the agent opens customers from: its own (create, archive) and ITC's. */
export function ProfilesPage() {
  const { t } = useTranslation('agent');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [openingFrom, setOpeningFrom] = useState<string | null>(null);
  // archiving is final: the first click asks, the second archives.
  const [confirming, setConfirming] = useState<string | null>(null);
  const sheets = useSheets();
  const sheetName = (id: string) => sheets.data?.items.find((sheet) => sheet.sheetId === id)?.name ?? id;
  const profiles = useQuery({ queryKey: agentKeys.profiles(), queryFn: () => orThrow(api.GET('/api/v1/customer-profiles', { params: { query: { limit: 200 } } })) });
  const archive = useGuardedMutation({
    mutationFn: (id: string) => orThrow(api.POST('/api/v1/customer-profiles/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: agentKeys.profiles() });
    },
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">{t('profiles.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('profiles.create')}</Button>
      </Group>
      <Text c="dimmed">{t('profiles.intro')}</Text>
      <ProblemAlert error={profiles.error ?? archive.error} />
      <DataTable cardsOnPhone
        caption={t('profiles.title')}
        rows={profiles.data?.items ?? []}
        rowKey={(profile) => profile.id}
        loading={profiles.isPending}
        emptyText={t('profiles.none')}
        minWidth={640}
        columns={[
          { key: 'name', header: t('profiles.name'), render: (p) => <Stack gap={0}><Text size="sm" fw={600}>{p.name}</Text><Text size="xs" c="dimmed">{p.ownerAgentId === subjectId ? t('profiles.yours') : t('profiles.itcs')}</Text></Stack> },
          { key: 'billing', header: t('profiles.billing'), render: (p) => (p.billingType === 'postpaid' && p.creditLimit !== null ? <>{t('billing.postpaid')} · <Money amount={p.creditLimit} /></> : t(`billing.${p.billingType}`)) },
          { key: 'sheet', header: t('profiles.sheet'), render: (p) => (p.rateSheetId === null ? t('profiles.assignedSheet') : sheetName(p.rateSheetId)) },
          { key: 'initial', header: t('profiles.initialBalance'), align: 'right', render: (p) => <Money amount={p.initialBalance} /> },
          { key: 'status', header: t('customers.status'), render: (p) => <Tag color={p.status === 'active' ? 'teal' : 'gray'}>{t(`profiles.statuses.${p.status}`)}</Tag> },
          {
            key: 'actions',
            header: t('sip.actions'),
            render: (p) =>
              p.status === 'active' && (
                <Group gap={4} wrap="wrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpeningFrom(p.id)} aria-label={t('profiles.openFrom', { name: p.name })}>{t('profiles.open')}</Button>
                  {p.ownerAgentId === subjectId && (
                    <Button size="compact-xs" variant="subtle" color="gray" c="red.9" loading={archive.isPending && archive.variables === p.id} onClick={() => (confirming === p.id ? archive.mutate(p.id) : setConfirming(p.id))} aria-label={t(confirming === p.id ? 'profiles.confirmArchiveOf' : 'profiles.archiveOf', { name: p.name })}>{confirming === p.id ? t('profiles.confirmArchive') : t('profiles.archive')}</Button>
                  )}
                </Group>
              ),
          },
        ]}
      />
      <CreateProfileModal opened={creating} onClose={() => setCreating(false)} />
      <OpenCustomerModal opened={openingFrom !== null} initialProfileId={openingFrom} onClose={() => setOpeningFrom(null)} />
    </Stack>
  );
}
