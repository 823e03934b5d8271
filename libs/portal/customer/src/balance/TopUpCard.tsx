import { orThrow, useSession } from '@billing/portal-session';
import { MoneyInput, MoneyText, ProblemAlert, StripePayment, useFormProblem, useSubmitOnce } from '@billing/portal-ui';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

// an amount the card currency cannot carry (more decimals than its minor unit) is about the field
const AMOUNT_PROBLEMS = { amount_not_convertible: 'amount' };

/**
 * Card top-up: the API creates a PaymentIntent (POST /payments/card-deposits, one Idempotency-Key per
 * attempt, reused when the same attempt is retried), Stripe's Payment Element collects the card and
 * the webhook credits the balance, which the live feed then shows. Without a publishable key the
 * option is not offered: one line says how to get money in instead.
 */
export function TopUpCard({ publishableKey }: { publishableKey: string | null }) {
  const { t } = useTranslation('customer');
  const { api } = useSession();
  const [amount, setAmount] = useState<string | null>(null);
  const attemptKey = useRef<string | null>(null);
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: async (value: string) => {
      attemptKey.current ??= crypto.randomUUID();
      return (await orThrow(api.POST('/api/v1/payments/card-deposits', { body: { amount: value }, params: { header: { 'Idempotency-Key': attemptKey.current } } })));
    },
  });
  // an error about the amount goes once the amount is edited (it spoke of a value no longer there)
  const problem = useFormProblem(create.error, AMOUNT_PROBLEMS);
  const amountError = problem.fields['amount'];

  // without Stripe there is no card option, only how money comes in instead.
  if (publishableKey === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('topUp.notOffered')}
      </Text>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount !== null) once(() => create.mutateAsync(amount));
  };
  const reset = () => {
    attemptKey.current = null;
    create.reset();
    setAmount(null);
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('topUp.title')}
        </Title>
        {create.data === undefined ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('topUp.intro')}
              </Text>
              <Group align="flex-end" wrap="wrap">
                <MoneyInput
                  label={t('topUp.amount')}
                  value={amount ?? ''}
                  onChange={(next) => {
                    // another amount is another attempt: a new key.
                    attemptKey.current = null;
                    setAmount(next);
                    problem.edited('amount');
                  }}
                  error={amountError}
                  style={{ flex: '1 1 160px' }}
                />
                <Button type="submit" disabled={amount === null} loading={create.isPending}>
                  {t('topUp.continue')}
                </Button>
              </Group>
              <ProblemAlert error={problem.unplaced} />
            </Stack>
          </form>
        ) : (
          <Suspense fallback={<Text c="dimmed">{t('topUp.loading')}</Text>}>
            {/* Stripe.js loads only when the customer actually pays */}
            <StripePayment
              publishableKey={publishableKey}
              intent={create.data}
              amount={<MoneyText amount={create.data.amount} currency={create.data.currency.toUpperCase()} fw={700} />}
              texts={{
                loading: t('topUp.loading'),
                paying: t('topUp.paying'),
                pay: t('topUp.pay'),
                cancel: t('topUp.cancel'),
                failed: t('topUp.failed'),
                failedTitle: t('topUp.failed'),
                paid: t('topUp.paid'),
                paidTitle: t('topUp.paidTitle'),
                another: t('topUp.another'),
                unavailableTitle: t('topUp.unavailableTitle'),
                unavailable: t('topUp.unavailable'),
                back: t('topUp.back'),
              }}
              onDone={reset}
            />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
