import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, problemOf, useGuardedMutation, useProblemFields } from '@billing/portal-ui';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from './agent-wire.js';

/** ITC sets the agent's portal password (PUT /agents/{id}/password; creates the login if missing). */
export function SetPasswordButton({ agent }: { agent: Agent }) {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const [opened, { open, close }] = useDisclosure(false);
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const set = useGuardedMutation({
    mutationFn: (next: string) => orThrow(api.PUT('/api/v1/agents/{id}/password', { params: { path: { id: agent.id } }, body: { password: next } })),
    onSuccess: () => setPassword(''),
  });
  const fields = useProblemFields(set.error);
  const problem = problemOf(set.error);
  // 422 weak_password names no field, but it is about the only one
  const passwordError = fields['password'] ?? (problem?.code === 'weak_password' ? (problem.detail ?? problem.title) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTooShort(password.length < 10);
    if (password.length >= 10) set.mutate(password);
  };
  const finish = () => {
    close();
    set.reset();
    setPassword('');
    setTooShort(false);
  };
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('agents.password.open')}
      </Button>
      <Modal opened={opened} onClose={finish} title={t('agents.password.title', { name: agent.name })} closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert error={passwordError === undefined ? set.error : null} />
            {set.isSuccess && (
              <Text size="sm" c="teal.9" role="status">
                {t('agents.password.done')}
              </Text>
            )}
            <PasswordInput
              label={t('agents.password.label')}
              description={t('agents.password.help')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('agents.form.showPassword') }}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={passwordError ?? (tooShort ? t('agents.form.errors.password') : undefined)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={finish}>
                {t('common.close')}
              </Button>
              <Button type="submit" loading={set.isPending}>
                {t('agents.password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
