import { orThrow, useSession, useSessionStore } from '@billing/portal-session';
import { ProblemAlert, useProblemFields, StatusText, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Refusals about one input that name no field: shown at it, in the portal's language. */
const CODE_FIELDS = { wrong_current_password: 'currentPassword', weak_password: 'newPassword', same_password: 'newPassword' } as const;

/**
 * POST /auth/password. The change ends every session of the login (this one too), so the portal
 * logs in again with the new password to keep working here.
 */
export function PasswordForm() {
  const { t } = useTranslation('customer');
  const { api, username } = useSession();
  const store = useSessionStore();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const change = useGuardedMutation({
    mutationFn: async () => {
      await orThrow(api.POST('/api/v1/auth/password', { body: { currentPassword: current, newPassword: next } }));
      await store.login(username, next);
    },
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      setChecked(false);
    },
  });
  const fields = useProblemFields(change.error, CODE_FIELDS);
  const currentError = fields['currentPassword'];
  const newError = fields['newPassword'];
  const mismatch = checked && next !== repeat;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (current !== '' && next !== '' && next === repeat) change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput label={t('password.current')} autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.currentTarget.value)} error={currentError ?? (checked && current === '' ? t('password.required') : undefined)} />
        <PasswordInput label={t('password.new')} description={t('password.rule')} autoComplete="new-password" value={next} onChange={(event) => setNext(event.currentTarget.value)} error={newError ?? (checked && next === '' ? t('password.required') : undefined)} />
        <PasswordInput label={t('password.repeat')} autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.currentTarget.value)} error={mismatch ? t('password.mismatch') : undefined} />
        {currentError === undefined && newError === undefined && <ProblemAlert error={change.error} />}
        <Group justify="flex-end" gap="sm">
          {/* the change and the new login take a few seconds: say what is happening, not only a spinner */}
          {change.isPending && <StatusText tone="success">{t('password.changing')}</StatusText>}
          {change.isSuccess && (
            <StatusText tone="success">{t('password.changed')}</StatusText>
          )}
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
