// Card top-up's money command: one Idempotency-Key per attempt, the same key when that attempt is
// retried, a new one for another amount; no form without a publishable key; the customer's words
// on the shared card payment (ui's StripePayment) when Stripe.js cannot load.
import { loadStripe } from '@stripe/stripe-js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse, renderAsCustomer } from '../test-utils';
import { TopUpCard } from './TopUpCard';

vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn() }));

async function setup(publishableKey: string | null, answer: (amount: string) => Response) {
  const sent: Array<{ key: string | null; amount: string }> = [];
  await renderAsCustomer(<TopUpCard publishableKey={publishableKey} />, async (request) => {
    if (new URL(request.url).pathname !== '/api/v1/payments/card-deposits') return new Response(null, { status: 404 });
    const { amount } = (await request.json()) as { amount: string };
    sent.push({ key: request.headers.get('Idempotency-Key'), amount });
    return answer(amount);
  });
  return { sent, user: userEvent.setup({ delay: null }) };
}

describe('TopUpCard', () => {
  it('without Stripe offers no card form, only a line on how to get money in', async () => {
    await setup(null, () => new Response(null, { status: 500 }));
    expect(screen.queryByText('Top up by card')).toBeNull();
    expect(screen.queryByLabelText('Amount')).toBeNull();
    expect(screen.getByText('Card top-up is not available here. To add money to your balance, ask your provider.')).toBeInTheDocument();
  });

  it('retries an attempt with its key and uses a new key for another amount', async () => {
    const { sent, user } = await setup('pk_test_1', () => problemResponse(502, 'payment_provider_error', 'Stripe did not answer'));
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await screen.findByText('Stripe did not answer');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    await user.type(screen.getByLabelText('Amount'), '5');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((s) => s.amount)).toEqual(['10', '10', '105']);
    expect(sent[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]!.key).toBe(sent[0]!.key);
    expect(sent[2]!.key).not.toBe(sent[0]!.key);
  });

  it('shows an amount the currency cannot carry next to the field', async () => {
    const { user } = await setup('pk_test_1', () => problemResponse(422, 'amount_not_convertible', '10.001 USD is not a whole number of cents'));
    await user.type(screen.getByLabelText('Amount'), '10.001');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    await waitFor(() => expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription(/not a whole number of cents/));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in its own words when Stripe.js fails to load, and goes back to the amount', async () => {
    vi.mocked(loadStripe).mockRejectedValue(new Error('Failed to load Stripe.js'));
    const { user } = await setup('pk_test_unreachable', () => Response.json({ paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret_x', amount: '10', currency: 'usd' }, { status: 201 }));
    await user.type(screen.getByLabelText('Amount'), '10');
    await user.click(screen.getByRole('button', { name: 'Continue to payment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was charged');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Amount')).toBeInTheDocument();
  });
});
