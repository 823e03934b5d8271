// The card payment both roles share (customer top-up, agent deposit) when Stripe.js cannot be had
// (js.stripe.com unreachable, as on a closed network): a clear error, never an endless spinner.
// Only the loader module's boundary is replaced.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { loadStripe } from '@stripe/stripe-js';
import i18next from 'i18next';
import { Suspense } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { StripePayment, type StripePaymentTexts } from './StripePayment';

vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn() }));

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: {}, initAsync: false });

const texts: StripePaymentTexts = {
  loading: 'Loading the payment form…',
  paying: 'You are paying',
  pay: 'Pay now',
  cancel: 'Cancel',
  failed: 'The payment did not go through',
  paid: 'Payment received',
  another: 'Another',
  unavailableTitle: 'The card form could not load',
  unavailable: 'Stripe could not be reached from this browser. Nothing was charged; try again later.',
  back: 'Back',
};

function pay(publishableKey: string) {
  const onDone = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <Suspense fallback={null}>
          <StripePayment publishableKey={publishableKey} intent={{ clientSecret: 'pi_1_secret_x' }} amount="$10.00" texts={texts} onDone={onDone} />
        </Suspense>
      </MantineProvider>
    </I18nextProvider>,
  );
  return onDone;
}

describe('StripePayment without Stripe.js', () => {
  it('says so when Stripe.js fails to load, and its way back ends the payment', async () => {
    vi.mocked(loadStripe).mockRejectedValue(new Error('Failed to load Stripe.js'));
    const onDone = pay('pk_test_unreachable');
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was charged');
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Back' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('while Stripe.js loads, a named loading status (axe: no aria-label on a roleless element)', async () => {
    vi.mocked(loadStripe).mockReturnValue(new Promise(() => undefined));
    pay('pk_test_slow');
    expect(await screen.findByRole('status', { name: 'Loading the payment form…' })).toBeInTheDocument();
    expect(screen.getByText(/You are paying/)).toHaveTextContent('You are paying $10.00');
    const result = await axe.run(document.body, { runOnly: { type: 'rule', values: ['aria-prohibited-attr', 'button-name'] } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('says so when the loader answers no Stripe', async () => {
    vi.mocked(loadStripe).mockResolvedValue(null);
    pay('pk_test_null');
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
  });
});
