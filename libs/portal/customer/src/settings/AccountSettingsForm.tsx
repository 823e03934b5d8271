import { orThrow, useSession } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, useProblemFields, StatusText, useGuardedMutation } from '@billing/portal-ui';
import { Button, Group, NativeSelect, Stack, Switch, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customerKeys, type Customer } from '../shared/customer-api.js';
import { applyLanguage } from './apply-language.js';

/** Low-balance warning (threshold, e-mail on/off), contact e-mail and language (also the portal's). */
export function AccountSettingsForm({ customer, currency }: { customer: Customer; currency: string }) {
  const { t, i18n } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState<string | null>(customer.lowBalanceThreshold);
  const [emailEnabled, setEmailEnabled] = useState(customer.lowBalanceEmailEnabled);
  const [email, setEmail] = useState(customer.contactEmail ?? '');
  const [language, setLanguage] = useState(customer.language);
  const [submitted, setSubmitted] = useState(false);
  const save = useGuardedMutation({
    mutationFn: (lowBalanceThreshold: string) =>
      orThrow(
        api.PATCH('/api/v1/customers/{id}/settings', {
          params: { path: { id: subjectId } },
          body: { lowBalanceThreshold, lowBalanceEmailEnabled: emailEnabled, contactEmail: email.trim() === '' ? null : email.trim(), language },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(customerKeys.customer(subjectId), updated);
      void queryClient.invalidateQueries({ queryKey: customerKeys.all(subjectId) });
      await applyLanguage(i18n, updated.language);
    },
  });
  const fields = useProblemFields(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // an empty or malformed amount is never sent (MoneyInput gives null for both)
    if (threshold !== null) save.mutate(threshold);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <MoneyInput label={t('settings.threshold')} description={t('settings.thresholdHint', { currency })} value={threshold ?? ''} onChange={setThreshold} error={fields['lowBalanceThreshold'] ?? (submitted && threshold === null ? t('settings.thresholdRequired') : undefined)} />
        <Switch label={t('settings.lowBalanceEmail')} checked={emailEnabled} onChange={(event) => setEmailEnabled(event.currentTarget.checked)} />
        <TextInput label={t('settings.contactEmail')} type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={fields['contactEmail']} />
        <NativeSelect
          label={t('settings.language')}
          value={language}
          data={[
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
          ]}
          onChange={(event) => setLanguage(event.currentTarget.value)}
          error={fields['language']}
        />
        {Object.keys(fields).length === 0 && <ProblemAlert error={save.error} />}
        <Group justify="flex-end" gap="sm">
          {save.isSuccess && (
            <StatusText tone="success">{t('settings.saved')}</StatusText>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
