import { MoneyInput, ProblemAlert, useProblemFields } from '@billing/portal-ui';
import { Button, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../shared/languages.js';
import { useSheetOptions } from './use-sheet-options.js';
import type { ProfileFormValues } from './profile-form.js';

export interface ProfileFormProps {
  initial: ProfileFormValues;
  onSubmit: (values: ProfileFormValues) => void;
  saving: boolean;
  error: unknown;
  submitLabel: string;
}


/** A profile's billing terms (create and edit). */
export function ProfileForm({ initial, onSubmit, saving, error, submitLabel }: ProfileFormProps) {
  const { t } = useTranslation('admin');
  const sheets = useSheetOptions();
  const [values, setValues] = useState(initial);
  const set = (patch: Partial<ProfileFormValues>) => setValues({ ...values, ...patch });
  const fields = useProblemFields(error);
  const number = (value: number | string, fallback: number) => (typeof value === 'number' ? value : Number.parseInt(value, 10) || fallback);
  return (
    <form onSubmit={(event) => { event.preventDefault(); onSubmit(values); }}>
      <Stack gap="sm">
        <TextInput label={t('profiles.form.name')} value={values.name} onChange={(event) => set({ name: event.currentTarget.value })} error={fields['name']} required maxLength={100} />
        <Stack gap={4}>
          <Text size="sm" fw={700} id="profile-billing-label">{t('profiles.form.billingType')}</Text>
          <SegmentedControl
            aria-labelledby="profile-billing-label"
            value={values.billingType}
            onChange={(billingType) => set({ billingType: billingType === 'postpaid' ? 'postpaid' : 'prepaid' })}
            data={[{ value: 'prepaid', label: t('customers.billing.prepaid') }, { value: 'postpaid', label: t('customers.billing.postpaid') }]}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {values.billingType === 'postpaid' && <MoneyInput label={t('profiles.form.creditLimit')} value={values.creditLimit} onChange={(amount) => set({ creditLimit: amount ?? '' })} error={fields['creditLimit']} required />}
          <Select label={t('profiles.form.rateSheet')} description={t('profiles.form.rateSheetHint')} data={sheets} value={values.rateSheetId} onChange={(rateSheetId) => set({ rateSheetId })} error={fields['rateSheetId']} clearable searchable />
          <MoneyInput label={t('profiles.form.initialBalance')} value={values.initialBalance} onChange={(amount) => set({ initialBalance: amount ?? '' })} error={fields['initialBalance']} />
          <MoneyInput label={t('profiles.form.lowBalanceThreshold')} value={values.lowBalanceThreshold} onChange={(amount) => set({ lowBalanceThreshold: amount ?? '' })} error={fields['lowBalanceThreshold']} />
          <NumberInput label={t('profiles.form.maxConcurrentCalls')} min={1} max={1000} allowDecimal={false} value={values.maxConcurrentCalls} onChange={(value) => set({ maxConcurrentCalls: number(value, 1) })} error={fields['maxConcurrentCalls']} />
          <NumberInput label={t('profiles.form.maxCallDurationSeconds')} min={60} max={86_400} allowDecimal={false} value={values.maxCallDurationSeconds} onChange={(value) => set({ maxCallDurationSeconds: number(value, 10_800) })} error={fields['maxCallDurationSeconds']} />
          <Select label={t('profiles.form.language')} data={LANGUAGES} value={values.language} onChange={(language) => set({ language: language ?? 'en' })} error={fields['language']} allowDeselect={false} />
        </SimpleGrid>
        <ProblemAlert error={Object.keys(fields).length === 0 ? error : null} />
        <Group justify="flex-end"><Button type="submit" loading={saving}>{submitLabel}</Button></Group>
      </Stack>
    </form>
  );
}
