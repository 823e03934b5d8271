import { useSession, orThrow } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, useFormProblem, StatusText, useGuardedMutation } from '@billing/portal-ui';
import { Button, Card, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agentKeys } from '../api/query-keys.js';
import { settingsChanges, type SettingsValues } from './settings-changes.js';

const LANGUAGES = ['en', 'es'];

/** The customer's low-balance warning, contact e-mail and language (the e-mails' language). */
export function SettingsForm({ customerId, saved }: { customerId: string; saved: SettingsValues }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [edited, setEdited] = useState(saved);
  // the saved settings changed (this save, or the live feed): show them.
  const savedText = JSON.stringify(saved);
  const [shownSaved, setShownSaved] = useState(savedText);
  if (shownSaved !== savedText) {
    setShownSaved(savedText);
    setEdited(saved);
  }
  const [done, setDone] = useState(false);
  const save = useGuardedMutation({
    mutationFn: (body: ReturnType<typeof settingsChanges>) => orThrow(api.PATCH('/api/v1/customers/{id}/settings', { params: { path: { id: customerId } }, body })),
    onSuccess: () => {
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: agentKeys.customer(customerId) });
      void queryClient.invalidateQueries({ queryKey: agentKeys.all });
    },
  });
  const { fields, edited: fieldEdited, unplaced } = useFormProblem(save.error);
  const changes = settingsChanges(saved, edited);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    save.mutate(changes);
  };
  const languages = LANGUAGES.includes(saved.language) ? LANGUAGES : [...LANGUAGES, saved.language];
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('settings.title')}</Text>
        <MoneyInput label={t('settings.threshold')} description={t('settings.thresholdHint')} value={edited.lowBalanceThreshold} onChange={(value) => { setEdited({ ...edited, lowBalanceThreshold: value ?? '' }); fieldEdited('lowBalanceThreshold'); }} error={fields['lowBalanceThreshold']} required />
        <Switch label={t('settings.emailEnabled')} checked={edited.lowBalanceEmailEnabled} onChange={(event) => setEdited({ ...edited, lowBalanceEmailEnabled: event.currentTarget.checked })} error={fields['lowBalanceEmailEnabled']} />
        <TextInput label={t('settings.contactEmail')} type="email" value={edited.contactEmail} onChange={(event) => { setEdited({ ...edited, contactEmail: event.currentTarget.value }); fieldEdited('contactEmail'); }} error={fields['contactEmail']} />
        <Select label={t('settings.language')} data={languages.map((value) => ({ value, label: t(`languages.${value}`, { defaultValue: value }) }))} value={edited.language} onChange={(value) => setEdited({ ...edited, language: value ?? saved.language })} allowDeselect={false} error={fields['language']} />
        <ProblemAlert error={unplaced} />
        {done && Object.keys(changes).length === 0 && <StatusText tone="success">{t('settings.saved')}</StatusText>}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={Object.keys(changes).length === 0 || edited.lowBalanceThreshold === ''}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
