import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from './agent-wire.js';
import { useInvalidateAgent } from './use-agent.js';

/** Suspend (with an optional reason) or reactivate an agent. */
export function SuspendAgentButton({ agent }: { agent: Agent }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const invalidate = useInvalidateAgent(agent.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const params = { params: { path: { id: agent.id } } };
  const toggle = useGuardedMutation({
    mutationFn: () =>
      agent.status === 'active'
        ? orThrow(api.POST('/api/v1/agents/{id}/suspend', { ...params, body: reason.trim() === '' ? {} : { reason: reason.trim() } }))
        : orThrow(api.POST('/api/v1/agents/{id}/reactivate', params)),
    onSuccess: async () => {
      await invalidate();
      close();
      setReason('');
    },
  });
  if (agent.status !== 'active') {
    return (
      <>
        <Button variant="default" loading={toggle.isPending} onClick={() => toggle.mutate()}>
          {t('agents.reactivate')}
        </Button>
        <ProblemAlert error={toggle.error} />
      </>
    );
  }
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('agents.suspend.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('agents.suspend.title', { name: agent.name })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        <Stack gap="sm">
          <ProblemAlert error={toggle.error} withFieldErrors />
          <Textarea label={t('agents.suspend.reason')} description={t('agents.suspend.help')} maxLength={500} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={toggle.isPending} onClick={() => toggle.mutate()}>
              {t('agents.suspend.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
