import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Menu, Modal, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, Profile } from '../customers/customer-wire.js';
import { FeaturesForm } from '../customers/FeaturesForm.js';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { Money } from '../shared/Money.js';
import { changeProfileBody, createProfileBody, NEW_PROFILE, profileFormValues, type ProfileFormValues } from './profile-form.js';
import { ProfileForm } from './ProfileForm.js';
import { ProfileSheet } from './ProfileSheet.js';
import { ArchiveProfileModal } from './ArchiveProfileModal.js';
import { useSheetOptions } from './use-sheet-options.js';
import { StatusBadge } from '../shared/StatusBadge.js';
import { useAgentOptions } from '../customers/use-options.js';

type Editing = { kind: 'create' } | { kind: 'edit' | 'features'; profile: Profile } | null;

/** Customer profiles (billing templates): list, create, edit, archive, and the PBX features default (ITC only). */
export function ProfilesPage() {
  const { t } = useTranslation('admin');
  const agents = new Map(useAgentOptions().map((agent) => [agent.id, agent]));
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const sheets = new Map(useSheetOptions().map((sheet) => [sheet.value, sheet.label]));
  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Profile | null>(null);
  const profiles = useInfiniteQuery({
    queryKey: ['customer-profiles', 'list'],
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: Page<Profile>) => page.nextCursor ?? undefined,
    queryFn: ({ pageParam }): Promise<Page<Profile>> => orThrow(api.GET('/api/v1/customer-profiles', { params: { query: { limit: 100, ...(pageParam === undefined ? {} : { cursor: pageParam }) } } })),
  });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['customer-profiles'] });
    setEditing(null);
  };
  const save = useGuardedMutation({
    mutationFn: async ({ values, profile }: { values: ProfileFormValues; profile: Profile | null }) => {
      if (profile === null) {
        const body = createProfileBody(values);
        const created = await orThrow(api.POST('/api/v1/customer-profiles', { body, headers: { 'Idempotency-Key': keys.keyFor(body) } }));
        keys.done();
        return created;
      }
      const body = changeProfileBody(profileFormValues(profile), values);
      if (Object.keys(body).length === 0) return profile;
      return orThrow(api.PATCH('/api/v1/customer-profiles/{id}', { params: { path: { id: profile.id } }, body }));
    },
    onSuccess: done,
  });
  const features = useGuardedMutation({
    mutationFn: ({ profile, patch }: { profile: Profile; patch: Partial<Profile['features']> }) =>
      orThrow(api.PATCH('/api/v1/customer-profiles/{id}/features', { params: { path: { id: profile.id } }, body: patch, headers: { 'Idempotency-Key': crypto.randomUUID() } })),
    onSuccess: done,
  });
  const archive = useGuardedMutation({
    mutationFn: (profile: Profile) => orThrow(api.POST('/api/v1/customer-profiles/{id}/archive', { params: { path: { id: profile.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['customer-profiles'] });
      setArchiving(null);
    },
  });
  const close = () => {
    save.reset();
    features.reset();
    setEditing(null);
  };
  const items = profiles.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('profiles.title')}</Title>
        <Button onClick={() => setEditing({ kind: 'create' })}>{t('profiles.create')}</Button>
      </Group>
      <Text c="dimmed" size="sm">{t('profiles.intro')}</Text>
      <ProblemAlert error={profiles.error} />
      <DataTable<Profile>
        caption={t('profiles.title')}
        rows={items}
        rowKey={(profile) => profile.id}
        loading={profiles.isPending}
        hasMore={profiles.hasNextPage}
        onLoadMore={() => void profiles.fetchNextPage()}
        loadingMore={profiles.isFetchingNextPage}
        minWidth={760}
        columns={[
          { key: 'name', header: t('profiles.columns.name'), render: (profile) => profile.name },
          { key: 'owner', header: t('profiles.columns.owner'), render: (profile) => (profile.ownerAgentId === null ? t('sheets.itc') : (agents.get(profile.ownerAgentId)?.name ?? <Text span size="sm" ff="monospace">{profile.ownerAgentId}</Text>)) },
          { key: 'billing', header: t('profiles.columns.billing'), render: (profile) => (profile.creditLimit === null ? t(`customers.billing.${profile.billingType}`) : <>{t(`customers.billing.${profile.billingType}`)} · <Money amount={profile.creditLimit} /></>) },
          { key: 'sheet', header: t('profiles.columns.sheet'), render: (profile) => <ProfileSheet profile={profile} sheets={sheets} agents={agents} /> },
          { key: 'initial', header: t('profiles.columns.initialBalance'), render: (profile) => <Money amount={profile.initialBalance} />, align: 'right' },
          { key: 'status', header: t('profiles.columns.status'), render: (profile) => <StatusBadge color={profile.status === 'active' ? 'green' : 'gray'}>{t(`profiles.status.${profile.status}`, { defaultValue: profile.status })}</StatusBadge> },
          {
            key: 'actions',
            header: '',
            render: (profile) =>
              profile.status === 'archived' ? null : (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button size="xs" variant="subtle" aria-label={t('profiles.actionsFor', { name: profile.name })}>⋯</Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setEditing({ kind: 'edit', profile })}>{t('profiles.edit')}</Menu.Item>
                    <Menu.Item onClick={() => setEditing({ kind: 'features', profile })}>{t('profiles.features')}</Menu.Item>
                    <Menu.Item color="red" onClick={() => { archive.reset(); setArchiving(profile); }}>{t('profiles.archive')}</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ),
          },
        ]}
      />
      <ArchiveProfileModal profile={archiving} onConfirm={(profile) => archive.mutate(profile)} onClose={() => setArchiving(null)} pending={archive.isPending} error={archive.error} />
      <Modal opened={editing !== null} onClose={close} size="lg" closeButtonProps={{ 'aria-label': t('common.closeDialog') }} title={editing === null ? '' : editing.kind === 'create' ? t('profiles.create') : editing.kind === 'edit' ? t('profiles.editTitle', { name: editing.profile.name }) : t('profiles.featuresTitle', { name: editing.profile.name })}>
        {editing?.kind === 'create' && <ProfileForm initial={NEW_PROFILE} onSubmit={(values) => save.mutate({ values, profile: null })} saving={save.isPending} error={save.error} submitLabel={t('profiles.create')} />}
        {editing?.kind === 'edit' && <ProfileForm initial={profileFormValues(editing.profile)} onSubmit={(values) => save.mutate({ values, profile: editing.profile })} saving={save.isPending} error={save.error} submitLabel={t('profiles.save')} />}
        {editing?.kind === 'features' && (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('profiles.featuresIntro')}</Text>
            <FeaturesForm features={editing.profile.features} onSave={(patch) => features.mutate({ profile: editing.profile, patch })} saving={features.isPending} error={features.error} saved={false} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
