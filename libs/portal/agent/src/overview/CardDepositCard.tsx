import { useSession } from '@billing/portal-session';
import { MoneyInput, ProblemAlert, StripePayment, useFormProblem, useSubmitOnce } from '@billing/portal-ui';
import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asJson } from '../api/as-json.js';
import type { CardDepositIntent } from '../api/types.js';
import { Money } from '../hooks/Money.js';
import { keyFailure, useIdempotencyKeys } from '../hooks/use-idempotency-keys.js';

/**
 * Card deposit to the agent's own balance: the API creates the PaymentIntent, Stripe's Payment
 * Element takes the card. The balance rises when Stripe's webhook credits it (the live feed
 * refreshes the overview). Without a publishable key the card option is not offered: the card says
 * so, and how money comes in instead.
 */
export function CardDepositCard({ publishableKey }: { publishableKey: string | null }) {
  const { t } = useTranslation('agent');
  const { api } = useSession();
  const keys = useIdempotencyKeys();
  const [amount, setAmount] = useState('');
  const [intent, setIntent] = useState<CardDepositIntent | null>(null);
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: (body: { amount: string }) => asJson<CardDepositIntent>(api.POST('/api/v1/payments/card-deposits', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onError: keyFailure(keys),
    onSuccess: (result) => {
      keys.settled();
      setIntent(result);
    },
  });
  const { fields, edited, unplaced } = useFormProblem(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    once(() => create.mutateAsync({ amount }));
  };
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Text fw={600} component="h2" fz="lg" m={0}>{t('card.title')}</Text>
        {publishableKey === null ? (
          <Text size="sm" c="dimmed">{t('card.notOffered')}</Text>
        ) : intent === null ? (
          <form onSubmit={submit}>
            <Stack gap="sm">
              <MoneyInput label={t('card.amount')} value={amount} onChange={(value) => { setAmount(value ?? ''); edited('amount'); }} error={fields['amount']} required />
              <ProblemAlert error={unplaced} />
              <Group>
                <Button type="submit" loading={create.isPending} disabled={amount === ''}>{t('card.continue')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Suspense fallback={<Loader size="sm" role="status" aria-label={t('card.loading')} />}>
            {/* Stripe.js (a script from js.stripe.com) loads only when the agent starts a card deposit */}
            <StripePayment
              publishableKey={publishableKey}
              intent={intent}
              amount={<Money amount={intent.amount} />}
              texts={{
                loading: t('card.loading'),
                paying: t('card.paying'),
                pay: t('card.pay'),
                cancel: t('card.cancel'),
                failed: t('card.failed'),
                paid: t('card.paid'),
                another: t('card.another'),
                unavailableTitle: t('card.unavailableTitle'),
                unavailable: t('card.unavailable'),
                back: t('card.cancel'),
              }}
              onDone={() => { setIntent(null); setAmount(''); }}
            />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
