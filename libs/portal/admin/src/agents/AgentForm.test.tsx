import { ProblemError } from '@billing/portal-session';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { AgentForm } from './AgentForm';
import { createAgentBody, emptyAgentValues, type AgentFormValues } from './agent-form-values';

/** Types by pasting: per-key typing is slow on a busy machine and tests nothing more here. */
async function enter(input: HTMLElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
}

const sheets = [{ value: 'acme-sell', label: 'Acme sell (acme-sell)' }];

function fill(values: Partial<AgentFormValues>): AgentFormValues {
  return { ...emptyAgentValues, ...values };
}

describe('AgentForm', () => {
  it('does not submit and names each missing or wrong field', async () => {
    const onSubmit = vi.fn();
    renderAdmin(<AgentForm mode="create" initial={fill({ commissionPercent: '120', contactEmail: 'not-an-email' })} sheets={sheets} onSubmit={onSubmit} error={null} pending={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create agent' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Name/)).toHaveAccessibleDescription(/Required/);
    expect(screen.getByLabelText(/^Contact e-mail/)).toHaveAccessibleDescription(/e-mail address/);
    expect(screen.getByLabelText(/^Commission/)).toHaveAccessibleDescription(/0 to 100/);
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription(/10 characters/);
  });

  it('submits what was typed once it is valid, normalising the percentage', async () => {
    const onSubmit = vi.fn();
    renderAdmin(<AgentForm mode="create" initial={fill({ rateSheetId: 'acme-sell' })} sheets={sheets} onSubmit={onSubmit} error={null} pending={false} />);
    await enter(screen.getByLabelText(/^Name/), 'Acme Telecom');
    await enter(screen.getByLabelText(/^Contact e-mail/), 'ops@acme.example');
    await enter(screen.getByLabelText(/^Commission/), '12.50');
    await enter(screen.getByLabelText(/^Username/), 'acme');
    await enter(screen.getByLabelText(/^Password/), 'acme-password-1');
    await userEvent.click(screen.getByRole('button', { name: 'Create agent' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const body = createAgentBody(onSubmit.mock.calls[0]![0] as AgentFormValues);
    expect(body).toMatchObject({ name: 'Acme Telecom', commissionPercent: '12.5', rateSheetId: 'acme-sell', username: 'acme', lowBalanceThreshold: '0' });
    expect(body).not.toHaveProperty('maxTotalCustomerCredit');
  });

  it("shows the API's field error next to the field it names, and no alert for it", () => {
    const error = new ProblemError({
      type: 'urn:itc-billing:problem:username_taken',
      title: 'Conflict',
      status: 409,
      code: 'username_taken',
      detail: 'username is taken',
      errors: [{ path: '/username', message: 'is taken by another login' }],
    });
    renderAdmin(<AgentForm mode="create" initial={emptyAgentValues} sheets={sheets} onSubmit={vi.fn()} error={error} pending={false} />);
    expect(screen.getByLabelText(/^Username/)).toHaveAccessibleDescription(/is taken by another login/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a problem whose code is about one input next to it (409 username_taken)', () => {
    const error = new ProblemError({ type: 'x', title: 'Username taken', status: 409, code: 'username_taken', detail: 'the username acme is taken' });
    renderAdmin(<AgentForm mode="create" initial={emptyAgentValues} sheets={sheets} onSubmit={vi.fn()} error={error} pending={false} />);
    expect(screen.getByLabelText(/^Username/)).toHaveAccessibleDescription(/the username acme is taken/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a problem that names no field as an alert', () => {
    const error = new ProblemError({ type: 'x', title: 'Unprocessable', status: 422, code: 'agent_not_found', detail: 'agent x not found' });
    renderAdmin(<AgentForm mode="edit" initial={emptyAgentValues} sheets={sheets} onSubmit={vi.fn()} error={error} pending={false} />);
    expect(screen.getByRole('alert')).toHaveTextContent('agent x not found');
    expect(screen.queryByLabelText(/^Password/)).toBeNull();
  });
});
