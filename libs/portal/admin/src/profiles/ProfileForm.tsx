import { MoneyInput, ProblemAlert, type TypedNumber, useFormProblem, wholeNumber, WholeNumberInput, wholeNumberProblem } from '@billing/portal-ui';
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequired } from '../shared/use-required.js';
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

/** The API's ranges (docs/API.md §5). */
const RANGES = { maxConcurrentCalls: [1, 1000], maxCallDurationSeconds: [60, 86_400] } as const;
type NumberField = keyof typeof RANGES;
/** problems about one input that name none (docs/API.md §5): said next to it, not in a box below the form */
const CODE_FIELDS = {
  name_taken: 'name',
  profile_exists: 'name',
  credit_limit_required: 'creditLimit',
  credit_limit_not_allowed: 'creditLimit',
  invalid_credit_limit: 'creditLimit',
  rate_sheet_not_found: 'rateSheetId',
  invalid_rate_sheet: 'rateSheetId',
  invalid_max_concurrent_calls: 'maxConcurrentCalls',
  invalid_max_call_duration: 'maxCallDurationSeconds',
  invalid_language: 'language',
} as const;
type MoneyField = 'creditLimit' | 'initialBalance' | 'lowBalanceThreshold';
/** the form as typed: the numbers may be out of range or not numbers yet. */
type Typed = Omit<ProfileFormValues, NumberField> & Record<NumberField, TypedNumber>;

/**
 * A profile's billing terms (create and edit). Nothing typed is changed: an amount that is not
 * one or a number out of range is said next to its input and the form sends nothing.
 */
export function ProfileForm({ initial, onSubmit, saving, error, submitLabel }: ProfileFormProps) {
  const { t } = useTranslation('admin');
  const sheets = useSheetOptions();
  const [values, setValues] = useState<Typed>(initial);
  // amounts whose text is not an amount (MoneyInput says so itself)
  const [badMoney, setBadMoney] = useState<ReadonlySet<MoneyField>>(new Set());
  const { fields: serverFields, edited, unplaced } = useFormProblem(error, CODE_FIELDS);
  const set = (patch: Partial<Typed>) => {
    setValues({ ...values, ...patch });
    for (const field of Object.keys(patch)) edited(field);
  };
  const money = (field: MoneyField) => (amount: string | null) => {
    set({ [field]: amount ?? '' });
    const next = new Set(badMoney);
    if (amount === null) next.add(field);
    else next.delete(field);
    setBadMoney(next);
  };
  const usedMoney: MoneyField[] = values.billingType === 'postpaid' ? ['creditLimit', 'initialBalance', 'lowBalanceThreshold'] : ['initialBalance', 'lowBalanceThreshold'];
  // an amount that is no amount is said by MoneyInput itself, not as empty
  const required = useRequired(values, ['name', ...usedMoney.filter((field) => !badMoney.has(field))]);
  const fields: Record<string, string | undefined> = { ...serverFields, ...required.errors };
  const submit = () => {
    if (!required.filled()) return;
    if (usedMoney.some((field) => badMoney.has(field))) return;
    if ((Object.keys(RANGES) as NumberField[]).some((field) => wholeNumberProblem(values[field], RANGES[field][0], RANGES[field][1]) !== null)) return;
    onSubmit({ ...values, maxConcurrentCalls: wholeNumber(values.maxConcurrentCalls), maxCallDurationSeconds: wholeNumber(values.maxCallDurationSeconds) });
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); submit(); }} noValidate>
      <Stack gap="sm">
        <TextInput label={t('profiles.form.name')} value={values.name} onChange={(event) => set({ name: event.currentTarget.value })} error={fields['name']} required />
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
          {values.billingType === 'postpaid' && <MoneyInput label={t('profiles.form.creditLimit')} value={values.creditLimit} onChange={money('creditLimit')} error={fields['creditLimit']} required />}
          <Select label={t('profiles.form.rateSheet')} description={t('profiles.form.rateSheetHint')} data={sheets} value={values.rateSheetId} onChange={(rateSheetId) => set({ rateSheetId })} error={fields['rateSheetId']} clearable searchable />
          <MoneyInput label={t('profiles.form.initialBalance')} value={values.initialBalance} onChange={money('initialBalance')} error={fields['initialBalance']} required />
          <MoneyInput label={t('profiles.form.lowBalanceThreshold')} value={values.lowBalanceThreshold} onChange={money('lowBalanceThreshold')} error={fields['lowBalanceThreshold']} required />
          <WholeNumberInput label={t('profiles.form.maxConcurrentCalls')} min={RANGES.maxConcurrentCalls[0]} max={RANGES.maxConcurrentCalls[1]} value={values.maxConcurrentCalls} onChange={(value) => set({ maxConcurrentCalls: value })} error={fields['maxConcurrentCalls']} required />
          <WholeNumberInput label={t('profiles.form.maxCallDurationSeconds')} min={RANGES.maxCallDurationSeconds[0]} max={RANGES.maxCallDurationSeconds[1]} value={values.maxCallDurationSeconds} onChange={(value) => set({ maxCallDurationSeconds: value })} error={fields['maxCallDurationSeconds']} required />
          <Select label={t('profiles.form.language')} data={LANGUAGES} value={values.language} onChange={(language) => set({ language: language ?? 'en' })} error={fields['language']} allowDeselect={false} />
        </SimpleGrid>
        <ProblemAlert error={unplaced} />
        <Group justify="flex-end"><Button type="submit" loading={saving}>{submitLabel}</Button></Group>
      </Stack>
    </form>
  );
}
