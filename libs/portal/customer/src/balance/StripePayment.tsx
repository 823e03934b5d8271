import { MoneyText } from '@billing/portal-ui';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDepositIntent } from '../shared/customer-api.js';

const stripes = new Map<string, Promise<Stripe | null>>();
/** One Stripe.js instance per key (loadStripe must not run on every render). */
function stripeFor(key: string): Promise<Stripe | null> {
  let stripe = stripes.get(key);
  if (stripe === undefined) {
    stripe = loadStripe(key);
    stripes.set(key, stripe);
  }
  return stripe;
}

export interface StripePaymentProps {
  publishableKey: string;
  intent: CardDepositIntent;
  onDone: () => void;
}

/** Stripe's Payment Element on the PaymentIntent the API created. */
export function StripePayment({ publishableKey, intent, onDone }: StripePaymentProps) {
  const { i18n } = useTranslation();
  const stripe = useMemo(() => stripeFor(publishableKey), [publishableKey]);
  const locale = i18n.language === 'es' ? 'es' : 'en';
  return (
    <Elements stripe={stripe} options={{ clientSecret: intent.clientSecret, locale }}>
      <PaymentForm intent={intent} onDone={onDone} />
    </Elements>
  );
}

function PaymentForm({ intent, onDone }: { intent: CardDepositIntent; onDone: () => void }) {
  const { t } = useTranslation('customer');
  const stripe = useStripe();
  const elements = useElements();
  const [state, setState] = useState<{ kind: 'idle' | 'paying' | 'paid' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const pay = async (event: FormEvent) => {
    event.preventDefault();
    if (stripe === null || elements === null) return;
    setState({ kind: 'paying' });
    const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    if (result.error !== undefined) setState({ kind: 'failed', message: result.error.message ?? t('topUp.failed') });
    else setState({ kind: 'paid' });
  };

  if (state.kind === 'paid') {
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" title={t('topUp.paidTitle')} role="status">
          {t('topUp.paid')}
        </Alert>
        <Group>
          <Button variant="light" onClick={onDone}>
            {t('topUp.another')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={(event) => void pay(event)}>
      <Stack gap="sm">
        <Text size="sm">
          {t('topUp.paying')} <MoneyText amount={intent.amount} currency={intent.currency.toUpperCase()} fw={700} />
        </Text>
        <PaymentElement />
        {state.kind === 'failed' && (
          <Alert color="red" variant="light" role="alert" title={t('topUp.failed')}>
            {state.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={state.kind === 'paying'} disabled={stripe === null}>
            {t('topUp.pay')}
          </Button>
          <Button variant="subtle" onClick={onDone} disabled={state.kind === 'paying'}>
            {t('topUp.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
