import { MoneyText, useSubmitOnce } from '@billing/portal-ui';
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDepositIntent } from '../shared/customer-api.js';

const stripes = new Map<string, Promise<Stripe | null>>();
/**
 * One Stripe.js instance per key (loadStripe must not run on every render). null when js.stripe.com
 * cannot be reached (loadStripe rejects) or answers no Stripe; forgotten then, so a later try loads again.
 */
function stripeFor(key: string): Promise<Stripe | null> {
  let stripe = stripes.get(key);
  if (stripe === undefined) {
    stripe = loadStripe(key).catch(() => null);
    void stripe.then((loaded) => {
      if (loaded === null) stripes.delete(key);
    });
    stripes.set(key, stripe);
  }
  return stripe;
}

export interface StripePaymentProps {
  publishableKey: string;
  intent: CardDepositIntent;
  onDone: () => void;
}

/** Stripe's Payment Element on the PaymentIntent the API created; says so when Stripe cannot be loaded. */
export function StripePayment({ publishableKey, intent, onDone }: StripePaymentProps) {
  const { i18n } = useTranslation();
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
  const locale = i18n.language === 'es' ? 'es' : 'en';
  if (unavailable) return <StripeUnavailable onDone={onDone} />;
  return (
    <Elements stripe={stripe} options={{ clientSecret: intent.clientSecret, locale }}>
      <PaymentForm intent={intent} onDone={onDone} onLoadError={() => setUnavailable(true)} />
    </Elements>
  );
}

/** Stripe.js or its card form could not load (js.stripe.com unreachable, blocked): nothing was charged. */
function StripeUnavailable({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('customer');
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="alert" title={t('topUp.unavailableTitle')}>
        {t('topUp.unavailable')}
      </Alert>
      <Group>
        <Button variant="light" onClick={onDone}>
          {t('topUp.back')}
        </Button>
      </Group>
    </Stack>
  );
}

function PaymentForm({ intent, onDone, onLoadError }: { intent: CardDepositIntent; onDone: () => void; onLoadError: () => void }) {
  const { t } = useTranslation('customer');
  const stripe = useStripe();
  const elements = useElements();
  const [state, setState] = useState<{ kind: 'idle' | 'paying' | 'paid' } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const once = useSubmitOnce();
  const pay = (event: FormEvent) => {
    event.preventDefault();
    if (stripe === null || elements === null) return;
    // a second Enter while Stripe confirms would confirm the same PaymentIntent twice
    once(async () => {
      setState({ kind: 'paying' });
      const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
      if (result.error !== undefined) setState({ kind: 'failed', message: result.error.message ?? t('topUp.failed') });
      else setState({ kind: 'paid' });
    });
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
    <form onSubmit={pay}>
      <Stack gap="sm">
        <Text size="sm">
          {t('topUp.paying')} <MoneyText amount={intent.amount} currency={intent.currency.toUpperCase()} fw={700} />
        </Text>
        {stripe === null && <Loader size="sm" role="status" aria-label={t('topUp.loading')} />}
        <PaymentElement onLoadError={onLoadError} />
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
