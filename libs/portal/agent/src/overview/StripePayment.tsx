import { StatusText, useSubmitOnce } from '@billing/portal-ui';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDepositIntent } from '../api/types.js';
import { Money } from '../hooks/Money.js';

const stripes = new Map<string, Promise<Stripe | null>>();
/** Stripe.js once per key; null when js.stripe.com cannot be reached (a later try loads it again). */
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = stripes.get(publishableKey);
  if (stripe === undefined) {
    stripe = loadStripe(publishableKey).catch(() => null);
    void stripe.then((loaded) => {
      if (loaded === null) stripes.delete(publishableKey);
    });
    stripes.set(publishableKey, stripe);
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
  const { i18n, t } = useTranslation('agent');
  const [stripe] = useState(() => stripeFor(publishableKey));
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    let current = true;
    void stripe.then((loaded) => {
      if (current && loaded === null) setUnavailable(true);
    });
    return () => {
      current = false;
    };
  }, [stripe]);
  if (unavailable) {
    return (
      <Stack gap="sm">
        <Alert color="red" role="alert" title={t('card.unavailableTitle')}>{t('card.unavailable')}</Alert>
        <Group><Button variant="light" onClick={onDone}>{t('card.cancel')}</Button></Group>
      </Stack>
    );
  }
  return (
    <Elements stripe={stripe} options={{ clientSecret: intent.clientSecret, locale: i18n.language === 'es' ? 'es' : 'en' }}>
      <PaymentForm intent={intent} onDone={onDone} onLoadError={() => setUnavailable(true)} />
    </Elements>
  );
}

function PaymentForm({ intent, onDone, onLoadError }: { intent: CardDepositIntent; onDone: () => void; onLoadError: () => void }) {
  const { t } = useTranslation('agent');
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const [paid, setPaid] = useState(false);
  const once = useSubmitOnce();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (stripe === null || elements === null) return;
    // a second Enter while Stripe confirms would confirm the same PaymentIntent twice
    once(async () => {
      setPaying(true);
      setError(null);
      const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: window.location.href }, redirect: 'if_required' });
      setPaying(false);
      if (result.error !== undefined) setError(result.error.message ?? t('card.failed'));
      else setPaid(true);
    });
  };
  if (paid) {
    return (
      <Stack gap="sm">
        <StatusText tone="success">{t('card.paid')}</StatusText>
        <Group><Button variant="light" onClick={onDone}>{t('card.another')}</Button></Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t('card.paying')} <Money amount={intent.amount} /></Text>
        {stripe === null && <Loader size="sm" role="status" aria-label={t('card.loading')} />}
        <PaymentElement onLoadError={onLoadError} />
        {error !== null && <Alert color="red" role="alert">{error}</Alert>}
        <Group>
          <Button type="submit" loading={paying} disabled={stripe === null}>{t('card.pay')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('card.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
