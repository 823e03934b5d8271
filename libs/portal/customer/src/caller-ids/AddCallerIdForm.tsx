import { orThrow, useSession } from '@billing/portal-session';
import { ProblemAlert, useProblemFields, useSubmitOnce, StatusText } from '@billing/portal-ui';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customerKeys } from '../shared/customer-api.js';

// a refusal of the number itself (422 invalid_caller_id) belongs next to the input too.
const CALLER_ID_PROBLEMS = { invalid_caller_id: 'callerId' };

/** Adds a CallerID; the customer's own additions wait for its agent's approval (the answer says). */
export function AddCallerIdForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('customer');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const once = useSubmitOnce();
  const add = useMutation({
    mutationFn: (callerId: string) => orThrow(api.POST('/api/v1/customers/{id}/caller-ids', { params: { path: { id: subjectId } }, body: { callerId } })),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.customer(subjectId), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.customer(subjectId) });
      setNumber('');
    },
  });
  const fieldError = useProblemFields(add.error, CALLER_ID_PROBLEMS)['callerId'];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim() !== '') once(() => add.mutateAsync(number.trim()));
  };
  const pending = add.data !== undefined && add.data.pendingCallerIds.length > 0 && !add.data.callerIds.includes(add.variables ?? '');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('callerIds.newNumber')}
            description={t('callerIds.newNumberHint')}
            placeholder="+44 20 7946 0958"
            inputMode="tel"
            value={number}
            disabled={disabled}
            error={fieldError}
            onChange={(event) => setNumber(event.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
          />
          <Button type="submit" mt={{ base: 0, xs: 46 }} loading={add.isPending} disabled={disabled || number.trim() === ''}>
            {t('callerIds.add')}
          </Button>
        </Group>
        {add.isSuccess && (
          <StatusText tone={pending ? 'warning' : 'success'}>{pending ? t('callerIds.sentForApproval') : t('callerIds.added')}</StatusText>
        )}
        {fieldError === undefined && <ProblemAlert error={add.error} />}
      </Stack>
    </form>
  );
}

