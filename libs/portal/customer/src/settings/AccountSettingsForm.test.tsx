// The settings form against an in-test API: what it sends, and what it refuses to send.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../shared/customer-api';
import { problemResponse, renderAsCustomer } from '../test-utils';
import { AccountSettingsForm } from './AccountSettingsForm';

const CUSTOMER = { id: 'c-1', accountNumber: '1000000008', lowBalanceThreshold: '5', lowBalanceEmailEnabled: true, contactEmail: 'jo@example.com', language: 'en' } as unknown as Customer;

async function setup() {
  const patches: unknown[] = [];
  await renderAsCustomer(<AccountSettingsForm customer={CUSTOMER} currency="USD" />, async (request) => {
    if (new URL(request.url).pathname !== '/api/v1/customers/c-1/settings' || request.method !== 'PATCH') return new Response(null, { status: 404 });
    const body = (await request.json()) as { contactEmail?: string };
    patches.push(body);
    if (body.contactEmail === 'bad') return problemResponse(400, 'validation', 'contactEmail is wrong', [{ path: '/contactEmail', message: 'must be an e-mail address' }]);
    return Response.json({ ...CUSTOMER, ...body });
  });
  return { patches, user: userEvent.setup({ delay: null }) };
}

describe('AccountSettingsForm', () => {
  it('sends the threshold as a decimal string and an emptied e-mail as null', async () => {
    const { patches, user } = await setup();
    const threshold = screen.getByLabelText(/Warn me when my balance is below/);
    await user.clear(threshold);
    await user.type(threshold, '2.50');
    await user.clear(screen.getByLabelText('Contact e-mail'));
    await user.click(screen.getByRole('switch', { name: /E-mail me/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved');
    expect(patches).toEqual([{ lowBalanceThreshold: '2.5', lowBalanceEmailEnabled: false, contactEmail: null, language: 'en' }]);
  });

  it('never sends a threshold that is not an amount, nor an empty one', async () => {
    const { patches, user } = await setup();
    const threshold = screen.getByLabelText(/Warn me when my balance is below/);
    await user.clear(threshold);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter an amount like 5 or 2.50 (0 = no warning)')).toBeInTheDocument();
    await user.type(threshold, 'ten');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(patches).toEqual([]);
  });

  it("shows the API's field error next to the e-mail", async () => {
    const { user } = await setup();
    await user.clear(screen.getByLabelText('Contact e-mail'));
    await user.type(screen.getByLabelText('Contact e-mail'), 'bad');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Contact e-mail')).toHaveAccessibleDescription(/must be an e-mail address/));
  });
});
