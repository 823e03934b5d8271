import { useSession, orThrow } from '@billing/portal-session';
import { ProblemAlert, useProblemFields, useSubmitOnce } from '@billing/portal-ui';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { keyFailure, useIdempotencyKeys } from '../hooks/use-idempotency-keys.js';
import type { SipCredentials } from './PasswordOnce.js';

/** Adds a SIP user (username optional: the API names it <account>-<n>); its password comes back once. */
export function AddSipUserForm({ customerId, onCreated }: { customerId: string; onCreated: (credentials: SipCredentials) => void }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [sipUsername, setSipUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const once = useSubmitOnce();
  const add = useMutation({
    mutationFn: (body: { sipUsername?: string; displayName?: string }) => orThrow(api.POST('/api/v1/customers/{id}/sip-users', { params: { path: { id: customerId }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onError: keyFailure(keys),
    onSuccess: (result) => {
      keys.settled();
      setSipUsername('');
      setDisplayName('');
      if (result.credentials !== null) onCreated(result.credentials);
      void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
    },
  });
  const fields = useProblemFields(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = sipUsername.trim();
    const display = displayName.trim();
    once(() => add.mutateAsync({ ...(name === '' ? {} : { sipUsername: name }), ...(display === '' ? {} : { displayName: display }) }));
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h3" fz="md" m={0}>{t('sip.add')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput label={t('sip.username')} description={t('sip.usernameHint')} value={sipUsername} onChange={(event) => setSipUsername(event.currentTarget.value)} error={fields['sipUsername']} maxLength={32} style={{ flex: '1 1 200px' }} />
          <TextInput label={t('sip.displayName')} value={displayName} onChange={(event) => setDisplayName(event.currentTarget.value)} error={fields['displayName']} maxLength={100} style={{ flex: '1 1 200px' }} />
        </Group>
        <ProblemAlert error={fields['sipUsername'] === undefined && fields['displayName'] === undefined ? add.error : null} />
        <Group><Button type="submit" loading={add.isPending}>{t('sip.addButton')}</Button></Group>
      </Stack>
    </form>
  );
}
