import { useSession } from '@billing/portal-session';
import { compareMoney, MoneyInput, useFormProblem, useSubmitOnce, StatusText } from '@billing/portal-ui';
import { Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import { agentKeys } from '../api/query-keys.js';
import type { CommissionTransferReceipt } from '../api/types.js';
import { Money } from '../hooks/Money.js';
import { keyFailure, useIdempotencyKeys } from '../hooks/use-idempotency-keys.js';
import { MoneyProblemAlert } from '../hooks/MoneyProblemAlert.js';

/** The commission balance and "move to main": all of it, or the part the agent enters. */
export function CommissionMoveForm({ commissionBalance }: { commissionBalance: string }) {
  const { t } = useTranslation('agent');
  const { api, subjectId } = useSession();
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [mode, setMode] = useState<'all' | 'part'>('all');
  const [amount, setAmount] = useState('');
  const [receipt, setReceipt] = useState<CommissionTransferReceipt | null>(null);
  const once = useSubmitOnce();
  const move = useMutation({
    mutationFn: (body: { amount?: string }) =>
      asJson<CommissionTransferReceipt>(
        api.POST('/api/v1/agents/{id}/commission-transfers', { params: { path: { id: subjectId }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body }),
      ),
    onError: keyFailure(keys),
    onSuccess: (result) => {
      keys.settled();
      setReceipt(result);
      setAmount('');
      void queryClient.invalidateQueries({ queryKey: agentKeys.all });
    },
  });
  const { fields, edited, unplaced } = useFormProblem(move.error);
  const nothing = compareMoney(commissionBalance, '0') <= 0;
  const partMissing = mode === 'part' && amount === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReceipt(null);
    once(() => move.mutateAsync(mode === 'all' ? {} : { amount }));
  };
  return (
    <Card withBorder padding="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('commission.title')}</Text>
        <Text fw={700} fz="xl"><Money amount={commissionBalance} /></Text>
        <Radio.Group label={t('commission.how')} value={mode} onChange={(value) => setMode(value === 'part' ? 'part' : 'all')}>
          <Group gap="md" mt={4}>
            <Radio value="all" label={t('commission.all')} />
            <Radio value="part" label={t('commission.part')} />
          </Group>
        </Radio.Group>
        {mode === 'part' && <MoneyInput label={t('commission.amount')} value={amount} onChange={(value) => { setAmount(value ?? ''); edited('amount'); }} error={fields['amount']} required />}
        <MoneyProblemAlert error={unplaced} />
        {receipt !== null && (
          <StatusText tone="success">
            {t('commission.moved')} <Money amount={receipt.amount} /> · {t('commission.newBalance')} <Money amount={receipt.balance} />
          </StatusText>
        )}
        <Group>
          <Button type="submit" loading={move.isPending} disabled={nothing || partMissing}>{t('commission.move')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
