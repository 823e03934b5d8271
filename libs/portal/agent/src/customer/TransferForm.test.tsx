import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent, type Sent } from '../test/render.js';
import { TransferForm } from './TransferForm.js';

const receipt = (amount: string, reference: string | null = null) => Response.json({ kind: 'transfer', transferId: 'tr-0001', customerId: 'c-1', amount, reference, commission: '0.5', balance: '5', agentBalance: '95', repeated: false }, { status: 201 });

async function submit(amount: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /^Amount/ }), { target: { value: amount } });
  fireEvent.click(screen.getByRole('button', { name: 'Move money' }));
}

const deposits = (sent: Sent[]) => sent.filter((call) => call.method === 'POST' && call.path === '/api/v1/customers/c-1/deposits');

describe('TransferForm', () => {
  it('sends the amount with an Idempotency-Key and shows the transfer id', async () => {
    const { sent } = await renderAsAgent(<TransferForm customerId="c-1" />, () => receipt('5'));
    await submit('5');
    expect(await screen.findByText('tr-0001')).toBeInTheDocument();
    const [call] = deposits(sent);
    expect(JSON.parse(call!.body)).toEqual({ amount: '5' });
    expect(call!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  // acceptance: the panel labelled the transfer id "Receipt reference" and never showed the reference typed
  it("shows the agent's reference as the receipt reference and the transfer id as such", async () => {
    await renderAsAgent(<TransferForm customerId="c-1" />, () => receipt('5', 'INV-42'));
    await submit('5');
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Receipt reference: INV-42');
    expect(done).toHaveTextContent('Transfer id: tr-0001');
    expect(done).not.toHaveTextContent('Receipt reference: tr-0001');
  });

  it('shows no receipt reference when none was typed', async () => {
    await renderAsAgent(<TransferForm customerId="c-1" />, () => receipt('5'));
    await submit('5');
    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Transfer id: tr-0001');
    expect(done).not.toHaveTextContent('Receipt reference');
  });

  it('retries a failed attempt (503) with the same key, and uses a new key after a refusal', async () => {
    const answers = [problem(503, 'overloaded', 'busy'), problem(409, 'insufficient_funds', 'insufficient agent balance: 3.5 available'), receipt('5')];
    const { sent } = await renderAsAgent(<TransferForm customerId="c-1" />, () => answers.shift()!);
    await submit('5');
    expect(await screen.findByText('busy')).toBeInTheDocument();
    await submit('5');
    expect(await screen.findByText('insufficient agent balance: 3.5 available')).toBeInTheDocument();
    await submit('5');
    expect(await screen.findByText('tr-0001')).toBeInTheDocument();
    const keys = deposits(sent).map((call) => call.idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('says "not enough money" in our sentence with the available amount as money, not the raw server text', async () => {
    const refusal = () => Response.json({ type: 'urn:itc-billing:problem:insufficient_funds', title: 'insufficient_funds', status: 409, code: 'insufficient_funds', detail: 'insufficient agent balance: 100 available', available: '100' }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
    await renderAsAgent(<TransferForm customerId="c-1" />, refusal);
    await submit('500');
    expect(await screen.findByText('Your balance is not enough: you can move at most $100.00.')).toBeInTheDocument();
    expect(screen.queryByText(/100 available/)).toBeNull();
  });

  it("shows a field's problem next to the field", async () => {
    await renderAsAgent(<TransferForm customerId="c-1" />, () => problem(400, 'validation', 'The request body is invalid', [{ path: '/reference', message: 'must be at most 128 characters long' }]));
    await submit('5');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /^Reference/ })).toHaveAccessibleDescription(/must be at most 128 characters long/));
  });

  // acceptance: a deposit of 1.1234567 kept showing the server's outdated message after the amount was corrected
  it("drops a field's problem once the field is edited", async () => {
    await renderAsAgent(<TransferForm customerId="c-1" />, () => problem(400, 'validation', 'The request body is invalid', [{ path: '/amount', message: 'must not exceed 1000000000' }]));
    await submit('2000000000');
    const amount = screen.getByRole('textbox', { name: /^Amount/ });
    await waitFor(() => expect(amount).toHaveAccessibleDescription(/must not exceed 1000000000/));
    fireEvent.change(amount, { target: { value: '20' } });
    expect(screen.queryByText(/must not exceed/)).toBeNull();
  });
});
