// Card top-up when Stripe.js cannot be had (js.stripe.com unreachable, as on a closed network): a
// clear error, never an endless spinner. Only the loader module's boundary is replaced.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { loadStripe } from '@stripe/stripe-js';
import { describe, expect, it, vi } from 'vitest';
import { renderAsCustomer } from '../test-utils';
import { TopUpCard } from './TopUpCard';

vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn() }));

const intent = { paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret_x', amount: '10', currency: 'usd' };

async function payWith(publishableKey: string) {
  await renderAsCustomer(<TopUpCard publishableKey={publishableKey} />, async () => Response.json(intent, { status: 201 }));
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByLabelText('Amount'), '10');
  await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
  return user;
}

describe('card top-up without Stripe.js', () => {
  it('says so when Stripe.js fails to load, and goes back to the amount', async () => {
    vi.mocked(loadStripe).mockRejectedValue(new Error('Failed to load Stripe.js'));
    const user = await payWith('pk_test_unreachable');
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was charged');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Amount')).toBeInTheDocument();
  });

  it('while Stripe.js loads, a named loading status (axe: no aria-label on a roleless element)', async () => {
    vi.mocked(loadStripe).mockReturnValue(new Promise(() => undefined));
    await payWith('pk_test_slow');
    expect(await screen.findByRole('status', { name: 'Loading the payment form…' })).toBeInTheDocument();
    const result = await axe.run(document.body, { runOnly: { type: 'rule', values: ['aria-prohibited-attr', 'button-name'] } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('says so when the loader answers no Stripe', async () => {
    vi.mocked(loadStripe).mockResolvedValue(null);
    await payWith('pk_test_null');
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
  });

});
