import { MoneyInput, ProblemAlert, useProblemFields } from '@billing/portal-ui';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface DepositValues {
  amount: string;
  reference: string;
}

export interface DepositFormProps {
  onSubmit: (values: DepositValues) => void;
  error: unknown;
  pending: boolean;
  /** bumps after a success: the form empties. */
  resetKey: number;
}

/** A manual deposit (the agent's wire or receipt): amount and reference, both required. */
export function DepositForm({ onSubmit, error, pending, resetKey }: DepositFormProps) {
  const { t } = useTranslation('admin');
  const [amount, setAmount] = useState<string | null>(null);
  const [reference, setReference] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [lastReset, setLastReset] = useState(resetKey);
  if (resetKey !== lastReset) {
    setLastReset(resetKey);
    setAmount(null);
    setReference('');
    setSubmitted(false);
  }
  const server = useProblemFields(error);
  const placed = server['amount'] !== undefined || server['reference'] !== undefined;
  const referenceMissing = submitted && reference.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (amount === null || reference.trim() === '') return;
    onSubmit({ amount, reference: reference.trim() });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('agents.deposit.title')}>
      <Stack gap="sm">
        <ProblemAlert error={placed ? null : error} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <MoneyInput
            label={t('agents.deposit.amount')}
            required
            value={amount ?? ''}
            onChange={setAmount}
            error={server['amount'] ?? (submitted && amount === null ? t('agents.form.errors.amount') : undefined)}
            miw={140}
          />
          <TextInput
            label={t('agents.deposit.reference')}
            description={t('agents.deposit.referenceHelp')}
            required
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={server['reference'] ?? (referenceMissing ? t('agents.form.errors.required') : undefined)}
            miw={180}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t('agents.deposit.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
