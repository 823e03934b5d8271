import { useSession, orThrow, type ProblemError } from '@billing/portal-session';
import { DataTable, ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { AddSipUserForm } from './AddSipUserForm.js';
import { PasswordOnce, type SipCredentials } from './PasswordOnce.js';
import { RenameSipUser } from './RenameSipUser.js';
import { useSipUsers } from './use-sip-users.js';
import { AnchorLink } from '../hooks/links.js';
import { Tag } from '../hooks/Tag.js';

type Action = { kind: 'suspend' | 'reactivate' | 'password'; sipUsername: string };

/** The customer's SIP users: add, rename, suspend/reactivate, reset a password (shown once), their calls. */
export function SipUsersPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const users = useSipUsers(customerId);
  const [shown, setShown] = useState<SipCredentials | null>(null);
  const [renaming, setRenaming] = useState<{ sipUsername: string; displayName: string | null } | null>(null);
  const act = useGuardedMutation<unknown, ProblemError, Action>({
    mutationFn: ({ kind, sipUsername }) => {
      const path = { id: customerId, sipUsername };
      if (kind === 'suspend') return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/suspend', { params: { path } }));
      if (kind === 'reactivate') return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/reactivate', { params: { path } }));
      // a new key per click: each reset is meant to rotate the password
      return orThrow(api.POST('/api/v1/customers/{id}/sip-users/{sipUsername}/password', { params: { path, header: { 'Idempotency-Key': crypto.randomUUID() } } }));
    },
    onSuccess: (result, action) => {
      if (action.kind === 'password') setShown(result as SipCredentials);
      void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
    },
  });
  const busy = (kind: Action['kind'], sipUsername: string) => act.isPending && act.variables.kind === kind && act.variables.sipUsername === sipUsername;
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('sip.title')}</Text>
        <ProblemAlert error={users.error ?? act.error} />
        <DataTable cardsOnPhone
          caption={t('sip.title')}
          rows={users.data?.items ?? []}
          rowKey={(user) => user.sipUsername}
          loading={users.isPending}
          minWidth={720}
          columns={[
            { key: 'user', header: t('sip.username'), render: (user) => <Text size="sm" fw={600}>{user.sipUsername}{user.firstUser && <Tag ml={6} size="xs">{t('sip.first')}</Tag>}</Text> },
            { key: 'name', header: t('sip.displayName'), render: (user) => user.displayName ?? '—' },
            { key: 'callerId', header: t('sip.callerId'), render: (user) => user.effectiveCallerId ?? '—' },
            { key: 'status', header: t('customers.status'), render: (user) => <Tag color={user.status === 'active' ? 'teal' : 'orange'}>{t(`status.${user.status}`)}</Tag> },
            {
              key: 'actions',
              header: t('sip.actions'),
              render: (user) => (
                <Group gap={4} wrap="wrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setRenaming(user)} aria-label={t('sip.renameOf', { sipUsername: user.sipUsername })}>{t('sip.rename')}</Button>
                  {!user.firstUser && (user.status === 'active' ? (
                    <Button size="compact-xs" variant="subtle" color="orange" loading={busy('suspend', user.sipUsername)} onClick={() => act.mutate({ kind: 'suspend', sipUsername: user.sipUsername })} aria-label={t('sip.suspendOf', { sipUsername: user.sipUsername })}>{t('sip.suspend')}</Button>
                  ) : (
                    <Button size="compact-xs" variant="subtle" loading={busy('reactivate', user.sipUsername)} onClick={() => act.mutate({ kind: 'reactivate', sipUsername: user.sipUsername })} aria-label={t('sip.reactivateOf', { sipUsername: user.sipUsername })}>{t('sip.reactivate')}</Button>
                  ))}
                  <Button size="compact-xs" variant="subtle" loading={busy('password', user.sipUsername)} onClick={() => act.mutate({ kind: 'password', sipUsername: user.sipUsername })} aria-label={t('sip.resetOf', { sipUsername: user.sipUsername })}>{t('sip.reset')}</Button>
                  <AnchorLink size="xs" to="/agent/customers/$customerId" params={{ customerId }} search={{ tab: 'calls', sip: user.sipUsername }} aria-label={t('sip.callsOf', { sipUsername: user.sipUsername })}>{t('sip.calls')}</AnchorLink>
                </Group>
              ),
            },
          ]}
        />
        <Divider />
        <AddSipUserForm customerId={customerId} onCreated={setShown} />
      </Stack>
      <PasswordOnce credentials={shown} onClose={() => setShown(null)} />
      {renaming !== null && <RenameSipUser customerId={customerId} sipUsername={renaming.sipUsername} displayName={renaming.displayName} onClose={() => setRenaming(null)} />}
    </Card>
  );
}
