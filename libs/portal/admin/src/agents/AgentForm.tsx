import { ProblemAlert, problemOf, useProblemFields } from '@billing/portal-ui';
import { Button, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateAgentValues, type AgentFormErrors, type AgentFormMode, type AgentFormValues } from './agent-form-values.js';

/** Problems that name no field in `errors` but are about one input (their detail goes next to it). */
const CODE_FIELDS: Record<string, keyof AgentFormValues> = {
  username_taken: 'username',
  username_reserved: 'username',
  weak_password: 'password',
  rate_sheet_not_found: 'rateSheetId',
  invalid_commission: 'commissionPercent',
};

export interface SheetOption {
  value: string;
  label: string;
}

export interface AgentFormProps {
  mode: AgentFormMode;
  initial: AgentFormValues;
  sheets: readonly SheetOption[];
  /** called with values that passed the form's own checks. */
  onSubmit: (values: AgentFormValues) => void;
  onCancel?: () => void;
  /** the mutation's error: its field errors go next to the inputs, the rest above them. */
  error: unknown;
  pending: boolean;
}

/** Register an agent (login included) or change one: commission, sheet, thresholds, postpaid credit. */
export function AgentForm({ mode, initial, sheets, onSubmit, onCancel, error, pending }: AgentFormProps) {
  const { t, i18n } = useTranslation('admin');
  const [values, setValues] = useState(initial);
  const [checked, setChecked] = useState<AgentFormErrors | null>(null);
  const fromErrors = useProblemFields(error);
  const problem = problemOf(error);
  const codeField = problem === null ? undefined : CODE_FIELDS[problem.code];
  const server: Record<string, string> = codeField === undefined ? fromErrors : { [codeField]: problem?.detail ?? problem?.title ?? '', ...fromErrors };
  const set = <K extends keyof AgentFormValues>(field: K, value: AgentFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (checked !== null) setChecked(validateAgentValues({ ...values, [field]: value }, mode, i18n.language));
  };
  const fieldError = (field: keyof AgentFormValues): string | undefined => {
    const local = checked?.[field];
    if (local !== undefined) return t(`agents.form.errors.${local}`);
    return server[field];
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validateAgentValues(values, mode, i18n.language);
    setChecked(errors);
    if (Object.keys(errors).length === 0) onSubmit(values);
  };
  // a problem naming one of these inputs is shown next to it; any other in an alert above
  const placed = Object.keys(server).some((field) => field in values);

  return (
    <form onSubmit={submit} noValidate aria-label={t(mode === 'create' ? 'agents.form.createTitle' : 'agents.form.editTitle')}>
      <Stack gap="sm">
        <ProblemAlert error={placed ? null : error} withFieldErrors />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('agents.fields.name')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={fieldError('name')} />
          <TextInput
            label={t('agents.fields.contactEmail')}
            type="email"
            required
            value={values.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            error={fieldError('contactEmail')}
          />
          <TextInput
            label={t('agents.fields.commissionPercent')}
            inputMode="decimal"
            required
            rightSection="%"
            value={values.commissionPercent}
            onChange={(e) => set('commissionPercent', e.currentTarget.value)}
            error={fieldError('commissionPercent')}
          />
          <Select
            label={t('agents.fields.rateSheet')}
            required
            data={sheets.map((sheet) => ({ ...sheet }))}
            value={values.rateSheetId === '' ? null : values.rateSheetId}
            onChange={(value) => set('rateSheetId', value ?? '')}
            error={fieldError('rateSheetId')}
            searchable
            nothingFoundMessage={t('agents.form.noSheet')}
          />
          <TextInput
            label={t('agents.fields.lowBalanceThreshold')}
            inputMode="decimal"
            value={values.lowBalanceThreshold}
            onChange={(e) => set('lowBalanceThreshold', e.currentTarget.value)}
            error={fieldError('lowBalanceThreshold')}
          />
          <TextInput
            label={t('agents.fields.maxCustomerCreditLimit')}
            description={t('agents.form.maxCustomerCreditLimitHelp')}
            inputMode="decimal"
            value={values.maxCustomerCreditLimit}
            onChange={(e) => set('maxCustomerCreditLimit', e.currentTarget.value)}
            error={fieldError('maxCustomerCreditLimit')}
          />
          <TextInput
            label={t('agents.fields.maxTotalCustomerCredit')}
            description={t('agents.form.maxTotalCustomerCreditHelp')}
            inputMode="decimal"
            value={values.maxTotalCustomerCredit}
            onChange={(e) => set('maxTotalCustomerCredit', e.currentTarget.value)}
            error={fieldError('maxTotalCustomerCredit')}
          />
          {mode === 'create' && (
            <>
              <TextInput
                label={t('agents.fields.username')}
                required
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={values.username}
                onChange={(e) => set('username', e.currentTarget.value)}
                error={fieldError('username')}
              />
              <PasswordInput
                label={t('agents.fields.password')}
                required
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('agents.form.showPassword') }}
                value={values.password}
                onChange={(e) => set('password', e.currentTarget.value)}
                error={fieldError('password')}
              />
            </>
          )}
        </SimpleGrid>
        <Checkbox
          label={t('agents.fields.customersMayAddCallerIds')}
          checked={values.customersMayAddCallerIds}
          onChange={(e) => set('customersMayAddCallerIds', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {t(mode === 'create' ? 'agents.form.create' : 'agents.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
