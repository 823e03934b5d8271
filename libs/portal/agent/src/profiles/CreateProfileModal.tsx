import { useSession, orThrow } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, useFormProblem, useSubmitOnce, WholeNumberInput, wholeNumber, wholeNumberProblem, type TypedNumber } from '@billing/portal-ui';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '@billing/portal-api-client';
import { agentKeys } from '../api/query-keys.js';
import { useIdempotencyKeys, keyFailure } from '../hooks/use-idempotency-keys.js';
import { useSheets } from '../sheets/use-sheets.js';

type Body = paths['/api/v1/customer-profiles']['post']['requestBody']['content']['application/json'];

// refusals about one input that name no field (docs/API.md, customer profiles)
const FIELD_PROBLEMS = {
  credit_limit_required: 'creditLimit',
  credit_limit_not_allowed: 'creditLimit',
  credit_limit_above_agent_maximum: 'creditLimit',
  rate_sheet_not_found: 'rateSheetId',
  rate_sheet_not_allowed: 'rateSheetId',
  rate_sheet_below_cost: 'rateSheetId',
  invalid_max_concurrent_calls: 'maxConcurrentCalls',
  profile_exists: 'name',
  name_taken: 'name',
};

/** the API's range of a profile's simultaneous calls (never clamped: said next to the input) */
const MAX_CALLS = { min: 1, max: 1000 } as const;

/** A new profile of the agent's own: the terms its customers are opened with. */
export function CreateProfileModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const sheets = useSheets();
  const [name, setName] = useState('');
  const [billingType, setBillingType] = useState<'prepaid' | 'postpaid'>('prepaid');
  const [creditLimit, setCreditLimit] = useState('');
  const [rateSheetId, setRateSheetId] = useState<string | null>(null);
  const [initialBalance, setInitialBalance] = useState('0');
  const [lowBalanceThreshold, setLowBalanceThreshold] = useState('0');
  const [maxConcurrentCalls, setMaxConcurrentCalls] = useState<TypedNumber>(1);
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: (body: Body) => orThrow(api.POST('/api/v1/customer-profiles', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onError: keyFailure(keys),
    onSuccess: () => {
      keys.settled();
      void queryClient.invalidateQueries({ queryKey: agentKeys.profiles() });
      setName('');
      onClose();
    },
  });
  const { fields, edited, unplaced } = useFormProblem(create.error, FIELD_PROBLEMS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (wholeNumberProblem(maxConcurrentCalls, MAX_CALLS.min, MAX_CALLS.max) !== null) return;
    once(() => create.mutateAsync({
      name, // as typed: the API gives it its normal form (docs/API.md §1 Names)
      billingType,
      ...(billingType === 'postpaid' ? { creditLimit } : {}),
      rateSheetId,
      initialBalance,
      lowBalanceThreshold,
      maxConcurrentCalls: wholeNumber(maxConcurrentCalls),
    }));
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('profiles.create')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('profiles.name')} value={name} onChange={(event) => { setName(event.currentTarget.value); edited('name'); }} error={fields['name']} required maxLength={100} data-autofocus />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="agent-profile-billing">{t('profiles.billing')}</Text>
            <SegmentedControl aria-labelledby="agent-profile-billing" value={billingType} onChange={(value) => setBillingType(value === 'postpaid' ? 'postpaid' : 'prepaid')} data={[{ value: 'prepaid', label: t('billing.prepaid') }, { value: 'postpaid', label: t('billing.postpaid') }]} />
          </Stack>
          {billingType === 'postpaid' && <MoneyInput label={t('profiles.creditLimit')} value={creditLimit} onChange={(value) => { setCreditLimit(value ?? ''); edited('creditLimit'); }} error={fields['creditLimit']} required />}
          <Select
            label={t('profiles.sheet')}
            description={t('profiles.sheetHint')}
            data={[{ value: '', label: t('profiles.assignedSheet') }, ...(sheets.data?.items ?? []).filter((sheet) => sheet.baseSheetId !== null).map((sheet) => ({ value: sheet.sheetId, label: sheet.name }))]}
            value={rateSheetId ?? ''}
            onChange={(value) => { setRateSheetId(value === null || value === '' ? null : value); edited('rateSheetId'); }}
            allowDeselect={false}
            error={fields['rateSheetId']}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <MoneyInput label={t('profiles.initialBalance')} description={t('profiles.initialBalanceHint')} value={initialBalance} onChange={(value) => { setInitialBalance(value ?? ''); edited('initialBalance'); }} error={fields['initialBalance']} />
            <MoneyInput label={t('settings.threshold')} value={lowBalanceThreshold} onChange={(value) => { setLowBalanceThreshold(value ?? ''); edited('lowBalanceThreshold'); }} error={fields['lowBalanceThreshold']} />
          </SimpleGrid>
          <WholeNumberInput label={t('profiles.maxCalls')} value={maxConcurrentCalls} onChange={(value) => { setMaxConcurrentCalls(value); edited('maxConcurrentCalls'); }} min={MAX_CALLS.min} max={MAX_CALLS.max} error={fields['maxConcurrentCalls']} />
          <ProblemAlert error={unplaced} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={name.trim() === '' || (billingType === 'postpaid' && creditLimit === '')}>{t('profiles.createButton')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
