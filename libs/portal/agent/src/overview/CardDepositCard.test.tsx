// The agent's card deposit when Stripe.js cannot be had (js.stripe.com unreachable) or the
// deployment has no publishable key. Only the loader module's boundary is replaced.
import { fireEvent, screen } from '@testing-library/react';
import { loadStripe } from '@stripe/stripe-js';
import { describe, expect, it, vi } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { CardDepositCard } from './CardDepositCard.js';

vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn() }));

const intent = { paymentIntentId: 'pi_1', clientSecret: 'pi_1_secret_x', amount: '25', currency: 'usd' };

async function depositWith(publishableKey: string) {
  const { sent } = await renderAsAgent(<CardDepositCard publishableKey={publishableKey} />, () => Response.json(intent, { status: 201 }));
  fireEvent.change(screen.getByLabelText(/Amount/), { target: { value: '25' } });
  fireEvent.click(screen.getByRole('button', { name: 'Continue to payment' }));
  return sent;
}

describe('CardDepositCard', () => {
  it('says so when Stripe.js fails to load, and can start again', async () => {
    vi.mocked(loadStripe).mockRejectedValue(new Error('Failed to load Stripe.js'));
    const sent = await depositWith('pk_test_unreachable');
    expect(await screen.findByRole('alert')).toHaveTextContent('The card form could not load');
    expect(sent.filter((call) => call.method === 'POST')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Continue to payment' })).toBeInTheDocument();
  });

  it('says so when the loader answers no Stripe', async () => {
    vi.mocked(loadStripe).mockResolvedValue(null);
    await depositWith('pk_test_null');
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was charged');
  });

  it('without a publishable key: no card form, a line on how money comes in', async () => {
    await renderAsAgent(<CardDepositCard publishableKey={null} />, () => Response.json({}));
    expect(screen.queryByRole('button', { name: 'Continue to payment' })).toBeNull();
    expect(screen.getByText(/Card deposits are not set up on this installation/)).toBeInTheDocument();
  });
});
