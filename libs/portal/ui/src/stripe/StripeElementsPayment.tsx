import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusText } from '../StatusText.js';
import type { StripePaymentProps, StripePaymentTexts } from '../StripePayment.js';
import { useSubmitOnce } from '../use-submit-once.js';

const stripes = new Map<string, Promise<Stripe | null>>();
/**
 * One Stripe.js instance per key (loadStripe must not run on every render). null when js.stripe.com
 * cannot be reached (loadStripe rejects) or answers no Stripe; forgotten then, so a later try loads again.
 */
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

/** Stripe's Payment Element on the PaymentIntent; says so when Stripe cannot be loaded. */
export function StripeElementsPayment({ publishableKey, intent, amount, texts, onDone }: StripePaymentProps) {
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
  if (unavailable) return <StripeUnavailable texts={texts} onDone={onDone} />;
  return (
    <Elements stripe={stripe} options={{ clientSecret: intent.clientSecret, locale: i18n.language === 'es' ? 'es' : 'en' }}>
      <PaymentForm amount={amount} texts={texts} onDone={onDone} onLoadError={() => setUnavailable(true)} />
    </Elements>
  );
}

/** Stripe.js or its card form could not load (js.stripe.com unreachable, blocked): nothing was charged. */
function StripeUnavailable({ texts, onDone }: { texts: StripePaymentTexts; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="alert" title={texts.unavailableTitle}>
        {texts.unavailable}
      </Alert>
      <Group>
        <Button variant="light" onClick={onDone}>
          {texts.back}
        </Button>
      </Group>
    </Stack>
  );
}

type PaymentState = { kind: 'idle' | 'paying' | 'paid' } | { kind: 'failed'; message: string };

function PaymentForm({ amount, texts, onDone, onLoadError }: { amount: ReactNode; texts: StripePaymentTexts; onDone: () => void; onLoadError: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [state, setState] = useState<PaymentState>({ kind: 'idle' });
  const once = useSubmitOnce();
  const pay = (event: FormEvent) => {
    event.preventDefault();
    if (stripe === null || elements === null) return;
    // a second Enter while Stripe confirms would confirm the same PaymentIntent twice
    once(async () => {
      setState({ kind: 'paying' });
      const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
      if (result.error !== undefined) setState({ kind: 'failed', message: result.error.message ?? texts.failed });
      else setState({ kind: 'paid' });
    });
  };

  if (state.kind === 'paid') return <Paid texts={texts} onDone={onDone} />;
  return (
    <form onSubmit={pay}>
      <Stack gap="sm">
        <Text size="sm">
          {texts.paying} {amount}
        </Text>
        {stripe === null && <Loader size="sm" role="status" aria-label={texts.loading} />}
        <PaymentElement onLoadError={onLoadError} />
        {state.kind === 'failed' && (
          <Alert color="red" variant="light" role="alert" title={texts.failedTitle}>
            {state.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={state.kind === 'paying'} disabled={stripe === null}>
            {texts.pay}
          </Button>
          {/* leaving while Stripe confirms would hide whether the card was charged */}
          <Button variant="subtle" onClick={onDone} disabled={state.kind === 'paying'}>
            {texts.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Stripe accepted the card; the balance rises when its webhook credits it (the live feed shows it). */
function Paid({ texts, onDone }: { texts: StripePaymentTexts; onDone: () => void }) {
  return (
    <Stack gap="sm">
      {texts.paidTitle === undefined ? (
        <StatusText tone="success">{texts.paid}</StatusText>
      ) : (
        <Alert color="green" variant="light" title={texts.paidTitle} role="status">
          {texts.paid}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={onDone}>
          {texts.another}
        </Button>
      </Group>
    </Stack>
  );
}
