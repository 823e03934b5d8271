import { orThrow, useSession } from '@billing/portal-session';
import { DataTable, ProblemAlert, useFormProblem } from '@billing/portal-ui';
import { Button, Card, Group, Menu, Stack, Text, TextInput, Title, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKeys } from '../shared/use-idempotency-keys.js';
import { customerKeys, type Customer, type SipUser } from './customer-wire.js';
import { SecretsTable } from './SecretsTable.js';
import { useCustomerCommand } from './use-customer.js';
import { StatusBadge } from '../shared/StatusBadge.js';

type UserAction = { kind: 'suspend' | 'reactivate' | 'remove' | 'password'; user: SipUser } | { kind: 'rename'; user: SipUser; displayName: string };

/** problems about one input that name no field (docs/API.md §6b) */
const CODE_FIELDS = { invalid_sip_username: 'sipUsername', sip_username_taken: 'sipUsername', sip_user_exists: 'sipUsername', invalid_display_name: 'displayName' } as const;
const RENAME_FIELDS = { invalid_display_name: 'displayName' } as const;

/** The account's SIP users: add (password once), rename, suspend/reactivate, remove, new password (once). */
export function SipUsersPanel({ customer }: { customer: Customer }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const id = customer.id;
  const addKeys = useIdempotencyKeys();
  const users = useQuery({ queryKey: customerKeys.part(id, 'sip-users'), queryFn: () => orThrow(api.GET('/api/v1/customers/{id}/sip-users', { params: { path: { id } } })) });
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [renaming, setRenaming] = useState<{ user: string; name: string } | null>(null);
  const add = useCustomerCommand(id, async () => {
    const body = { ...(username.trim() === '' ? {} : { sipUsername: username.trim() }), ...(displayName.trim() === '' ? {} : { displayName: displayName.trim() }) };
    const answer = await orThrow(api.POST('/api/v1/customers/{id}/sip-users', { params: { path: { id } }, body, headers: { 'Idempotency-Key': addKeys.keyFor(body) } }));
    addKeys.done();
    setUsername('');
    setDisplayName('');
    return answer;
  });
  const act = useCustomerCommand(id, async (action: UserAction): Promise<unknown> => {
    const path = { params: { path: { id, sipUsername: action.user.sipUsername } } };
    switch (action.kind) {
      case 'suspend':
        return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/suspend', path));
      case 'reactivate':
        return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/reactivate', path));
      case 'remove':
        return orThrow(api.DELETE('/api/v1/customers/{id}/sip-users/{sipUsername}', path));
      case 'rename':
        return orThrow(api.PATCH('/api/v1/customers/{id}/sip-users/{sipUsername}', { ...path, body: { displayName: action.displayName.trim() === '' ? null : action.displayName.trim() } }));
      case 'password':
        return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/password', { ...path, headers: { 'Idempotency-Key': crypto.randomUUID() } }));
    }
  });
  const addProblem = useFormProblem(add.error, CODE_FIELDS);
  const addFields = addProblem.fields;
  // a rename's problem goes next to its input, the other actions' above the table
  const renameProblem = useFormProblem(act.variables?.kind === 'rename' ? act.error : null, RENAME_FIELDS);
  const actError = act.variables?.kind === 'rename' ? renameProblem.unplaced : act.error;
  const closed = customer.status === 'closed';
  const password = act.variables?.kind === 'password' ? (act.data as { sipUsername: string; sipPassword: string | null; sipRealm: string } | undefined) ?? null : null;
  const added = add.data?.credentials ?? null;
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('customers.sip.title')}</Title>
      <ProblemAlert error={users.error ?? actError} />
      {password !== null && <SecretsTable rows={[[t('customers.credentials.sipUsername'), password.sipUsername], [t('customers.credentials.sipPassword'), password.sipPassword], [t('customers.credentials.sipRealm'), password.sipRealm]]} />}
      <DataTable<SipUser>
        caption={t('customers.sip.title')}
        rows={users.data?.items ?? []}
        rowKey={(user) => user.sipUsername}
        loading={users.isPending}
        minWidth={640}
        columns={[
          { key: 'username', header: t('customers.sip.username'), render: (user) => <Group gap={4}><Text span ff="monospace" size="sm">{user.sipUsername}</Text>{user.firstUser && <StatusBadge size="xs">{t('customers.sip.first')}</StatusBadge>}</Group> },
          {
            key: 'displayName',
            header: t('customers.sip.displayName'),
            render: (user) =>
              renaming?.user === user.sipUsername ? (
                <form onSubmit={(event) => { event.preventDefault(); act.mutate({ kind: 'rename', user, displayName: renaming.name }, { onSuccess: () => setRenaming(null) }); }}>
                  <Group gap={4} wrap="nowrap">
                    <TextInput size="xs" aria-label={t('customers.sip.displayName')} value={renaming.name} onChange={(event) => { setRenaming({ user: user.sipUsername, name: event.currentTarget.value }); renameProblem.edited('displayName'); }} error={renameProblem.fields['displayName']} autoFocus />
                    <Button size="xs" type="submit" loading={act.isPending}>{t('customers.sip.save')}</Button>
                  </Group>
                </form>
              ) : (user.displayName ?? '—'),
          },
          { key: 'callerId', header: t('customers.sip.callerId'), render: (user) => user.effectiveCallerId ?? '—' },
          { key: 'limit', header: t('customers.sip.maxCalls'), render: (user) => user.maxConcurrentCalls ?? t('customers.sip.accountLimit'), align: 'right' },
          { key: 'status', header: t('customers.sip.status'), render: (user) => <StatusBadge color={user.status === 'active' ? 'green' : 'orange'}>{t(`customers.sip.${user.status}`)}</StatusBadge> },
          {
            key: 'actions',
            header: '',
            render: (user) => (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="subtle" disabled={closed} aria-label={t('customers.sip.actionsFor', { username: user.sipUsername })}>⋯</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setRenaming({ user: user.sipUsername, name: user.displayName ?? '' })}>{t('customers.sip.rename')}</Menu.Item>
                  <Menu.Item onClick={() => act.mutate({ kind: 'password', user })}>{t('customers.sip.resetPassword')}</Menu.Item>
                  {user.status === 'active' ? (
                    <Menu.Item onClick={() => act.mutate({ kind: 'suspend', user })}>{t('customers.sip.suspend')}</Menu.Item>
                  ) : (
                    <Menu.Item onClick={() => act.mutate({ kind: 'reactivate', user })}>{t('customers.sip.reactivate')}</Menu.Item>
                  )}
                  {!user.firstUser && <Menu.Item color="red" onClick={() => act.mutate({ kind: 'remove', user })}>{t('customers.sip.remove')}</Menu.Item>}
                </Menu.Dropdown>
              </Menu>
            ),
          },
        ]}
      />
      {!closed && (
        <Card withBorder padding="md">
          <form onSubmit={(event) => { event.preventDefault(); add.mutate(undefined); }}>
            <Stack gap="sm">
              <Title order={3} size="h5">{t('customers.sip.add')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('customers.sip.username')} description={t('customers.sip.usernameHint')} value={username} onChange={(event) => { setUsername(event.currentTarget.value); addProblem.edited('sipUsername'); }} error={addFields['sipUsername']} miw={180} />
                <TextInput label={t('customers.sip.displayName')} value={displayName} onChange={(event) => { setDisplayName(event.currentTarget.value); addProblem.edited('displayName'); }} error={addFields['displayName']} miw={180} />
              </SimpleGrid>
              <ProblemAlert error={addProblem.unplaced} />
              <Group><Button type="submit" loading={add.isPending}>{t('customers.sip.add')}</Button></Group>
            </Stack>
          </form>
        </Card>
      )}
      {added !== null && <SecretsTable rows={[[t('customers.credentials.sipUsername'), added.sipUsername], [t('customers.credentials.sipPassword'), added.sipPassword], [t('customers.credentials.sipRealm'), added.sipRealm]]} />}
    </Stack>
  );
}
