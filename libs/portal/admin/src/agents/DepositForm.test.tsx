import { ProblemError } from '@billing/portal-session';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { DepositForm } from './DepositForm';

async function enter(input: HTMLElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('DepositForm', () => {
  it('sends nothing without an amount and a reference', async () => {
    const onSubmit = vi.fn();
    renderAdmin(<DepositForm onSubmit={onSubmit} error={null} pending={false} resetKey={0} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record deposit' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Amount/)).toHaveAccessibleDescription(/Enter an amount/);
    expect(screen.getByLabelText(/^Reference/)).toHaveAccessibleDescription(/Required/);
    await enter(screen.getByLabelText(/^Amount/), '10');
    await enter(screen.getByLabelText(/^Reference/), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Record deposit' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the normalised amount and the trimmed reference', async () => {
    const onSubmit = vi.fn();
    renderAdmin(<DepositForm onSubmit={onSubmit} error={null} pending={false} resetKey={0} />);
    await enter(screen.getByLabelText(/^Amount/), '0250.50');
    await enter(screen.getByLabelText(/^Reference/), '  wire 7 ');
    await userEvent.click(screen.getByRole('button', { name: 'Record deposit' }));
    expect(onSubmit).toHaveBeenCalledWith({ amount: '250.5', reference: 'wire 7' });
  });

  it("shows the API's amount error at the amount, and an alert for the rest", () => {
    const fieldError = new ProblemError({ type: 'x', title: 'Invalid request', status: 400, code: 'validation', detail: 'invalid', errors: [{ path: '/amount', message: 'must be at most 1000000000' }] });
    const { unmount } = renderAdmin(<DepositForm onSubmit={vi.fn()} error={fieldError} pending={false} resetKey={0} />);
    expect(screen.getByLabelText(/^Amount/)).toHaveAccessibleDescription(/at most 1[,.]?000[,.]?000[,.]?000/);
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    const other = new ProblemError({ type: 'x', title: 'Conflict', status: 409, code: 'account_closed', detail: 'the account is closed' });
    renderAdmin(<DepositForm onSubmit={vi.fn()} error={other} pending={false} resetKey={0} />);
    expect(screen.getByRole('alert')).toHaveTextContent('the account is closed');
  });
});
