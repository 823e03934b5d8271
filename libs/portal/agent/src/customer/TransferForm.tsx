import { useSession } from '@billing/portal-session';
import { MoneyInput, useFormProblem, useSubmitOnce } from '@billing/portal-ui';
import { Alert, Button, Card, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { TransferReceipt } from '../api/types.js';
import { Money } from '../hooks/Money.js';
import { keyFailure, useIdempotencyKeys } from '../hooks/use-idempotency-keys.js';
import { MoneyProblemAlert } from '../hooks/MoneyProblemAlert.js';

/** Moves money from the agent's main balance to the customer; shows the receipt the API answers. */
export function TransferForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [receipt, setReceipt] = useState<TransferReceipt | null>(null);
  const once = useSubmitOnce();
  const transfer = useMutation({
    mutationFn: (body: { amount: string; reference?: string }) =>
      asJson<TransferReceipt>(api.POST('/api/v1/customers/{id}/deposits', { params: { path: { id: customerId }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onError: keyFailure(keys),
    onSuccess: (result) => {
      keys.settled();
      setReceipt(result);
      setAmount('');
      setReference('');
      void queryClient.invalidateQueries({ queryKey: agentKeys.all });
    },
  });
  // an error about an input goes once it is edited (it spoke of a value no longer there)
  const { fields, edited, unplaced } = useFormProblem(transfer.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReceipt(null);
    const ref = reference.trim();
    once(() => transfer.mutateAsync({ amount, ...(ref === '' ? {} : { reference: ref }) }));
  };
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('transfer.title')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <MoneyInput label={t('transfer.amount')} value={amount} onChange={(value) => { setAmount(value ?? ''); edited('amount'); }} error={fields['amount']} required style={{ flex: '1 1 160px' }} />
          <TextInput label={t('transfer.reference')} value={reference} onChange={(event) => { setReference(event.currentTarget.value); edited('reference'); }} error={fields['reference']} maxLength={128} style={{ flex: '2 1 200px' }} />
        </Group>
        <MoneyProblemAlert error={unplaced} />
        {receipt !== null && (
          <Alert color="teal" role="status" title={t('transfer.done')}>
            <Stack gap={4}>
              <Text size="sm">{t('transfer.moved')} <Money amount={receipt.amount} /> · {t('transfer.customerBalance')} <Money amount={receipt.balance} /> · {t('transfer.yourBalance')} <Money amount={receipt.agentBalance} /> {receipt.commission === null ? null : <> · {t('transfer.commission')} <Money amount={receipt.commission} /></>}</Text>
              {receipt.reference !== null && <Text size="sm">{t('transfer.receipt')} <Code>{receipt.reference}</Code></Text>}
              <Text size="sm">{t('transfer.transferId')} <Code>{receipt.transferId}</Code></Text>
            </Stack>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={transfer.isPending} disabled={amount === ''}>{t('transfer.submit')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
