import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { NEW_PROFILE } from './profile-form';
import { ProfileForm } from './ProfileForm';

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined) } }),
}));

function renderForm(error: unknown = null) {
  const onSubmit = vi.fn();
  const view = renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <ProfileForm initial={{ ...NEW_PROFILE, name: 'Basic' }} onSubmit={onSubmit} saving={false} error={error} submitLabel="Save" />
    </QueryClientProvider>,
  );
  const submit = () => fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form') as HTMLFormElement);
  return { onSubmit, submit, view };
}

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.type(input, text);
  await userEvent.tab();
}

describe('ProfileForm', () => {
  it('keeps 1001 concurrent calls and 86401 s as typed, says the ranges and sends nothing (were clamped to 1000 and 86400)', async () => {
    const { onSubmit, submit } = renderForm();
    const calls = screen.getByRole('textbox', { name: /^Concurrent calls/ });
    const duration = screen.getByRole('textbox', { name: /^Longest call/ });
    await retype(calls, '1001');
    await retype(duration, '86401');
    expect(calls).toHaveValue('1001');
    expect(duration).toHaveValue('86401');
    expect(calls).toHaveAccessibleDescription(/from 1 to 1000/);
    expect(duration).toHaveAccessibleDescription(/from 60 to 86400/);
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    await retype(calls, '1000');
    await retype(duration, '86400');
    submit();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ maxConcurrentCalls: 1000, maxCallDurationSeconds: 86_400 }));
  });

  it('sends nothing for an initial balance of -1 (it sent "" and the API said got "")', async () => {
    const { onSubmit, submit } = renderForm();
    const balance = screen.getByRole('textbox', { name: /^Initial balance/ });
    await retype(balance, '-1');
    expect(balance).toHaveValue('-1');
    expect(balance).toHaveAccessibleDescription(/Enter an amount/);
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("puts the API's field error next to its input and drops it once that input is edited", async () => {
    const problem = { type: 'about:blank', title: 'Invalid request', status: 400, code: 'validation', errors: [{ path: '/name', message: 'at most 100 characters' }] };
    renderForm(problem);
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(name).toHaveAccessibleDescription('at most 100 characters');
    await userEvent.type(name, 'x');
    expect(name).not.toHaveAccessibleDescription('at most 100 characters');
  });
});

describe('ProfileForm: refusals and empty inputs next to their input', () => {
  it('puts 409 name_taken (and 422 invalid_language) next to its input, not in a box below the form', async () => {
    const taken = { type: 'x', title: 'Conflict', status: 409, code: 'name_taken', detail: 'ITC has a profile named "Basic" already' };
    const { view } = renderForm(taken);
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(name).toHaveAccessibleDescription(/Basic/);
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.type(name, 'x');
    expect(name).not.toHaveAccessibleDescription(/Basic/);
    view.unmount();
    renderForm({ type: 'x', title: 'Unprocessable', status: 422, code: 'invalid_language', detail: 'language must be en or es' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says an empty name next to it in the portal words (noValidate: no browser bubble) and sends nothing', async () => {
    const { onSubmit, submit } = renderForm();
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(name.closest('form')?.noValidate).toBe(true);
    await userEvent.clear(name);
    submit();
    expect(name).toHaveAccessibleDescription('Fill in this field');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.type(name, 'Gold');
    expect(name).not.toHaveAccessibleDescription('Fill in this field');
    submit();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Gold' }));
  });
});
