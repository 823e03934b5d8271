import { useSession, orThrow } from '@billing/portal-session';
import { ProblemAlert, useProblemFields, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';

/** Renames a SIP user (its display name; empty clears it). */
export function RenameSipUser({ customerId, sipUsername, displayName, onClose }: { customerId: string; sipUsername: string; displayName: string | null; onClose: () => void }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState(displayName ?? '');
  const rename = useGuardedMutation({
    mutationFn: (body: { displayName: string | null }) => orThrow(api.PATCH('/api/v1/customers/{id}/sip-users/{sipUsername}', { params: { path: { id: customerId, sipUsername } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
      onClose();
    },
  });
  const fields = useProblemFields(rename.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    rename.mutate({ displayName: trimmed === '' ? null : trimmed });
  };
  return (
    <Modal opened onClose={onClose} title={t('sip.renameTitle', { sipUsername })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('sip.displayName')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={fields['displayName']} maxLength={100} data-autofocus />
          <ProblemAlert error={fields['displayName'] === undefined ? rename.error : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={rename.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
