import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { DeriveForm } from './DeriveForm';

const post = vi.fn();
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { POST: post } }),
}));
vi.mock('@tanstack/react-router', () => ({ useNavigate: () => vi.fn() }));

describe('DeriveForm', () => {
  it('sends one request for a double click (and Enter while it runs)', async () => {
    let answer: (value: unknown) => void = () => undefined;
    post.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <DeriveForm sheetId="s1" sheetName="ITC base" />
      </QueryClientProvider>,
    );
    const submit = screen.getByRole('button', { name: 'Derive' });
    fireEvent.click(submit);
    fireEvent.click(submit);
    fireEvent.submit(submit.closest('form') as HTMLFormElement);
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Derive' })).toBeDisabled());
    answer({ data: { sheetId: 's2' }, response: new Response(null, { status: 201 }) });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Derive' })).toBeEnabled());
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('words a bad markup at the markup field: typed (nothing sent) and 422 invalid_markup', async () => {
    post.mockReset();
    post.mockResolvedValue({ error: { type: 'x', title: 'Unprocessable', status: 422, code: 'invalid_markup', detail: 'markup must be between 0 and 1000 percent' }, response: new Response(null, { status: 422 }) });
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <DeriveForm sheetId="s1" sheetName="ITC base" />
      </QueryClientProvider>,
    );
    const markup = screen.getByLabelText(/^Markup/);
    fireEvent.change(markup, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Derive' }));
    expect(markup).toHaveAccessibleDescription(/Enter a percentage from 0 to 1000/);
    expect(post).not.toHaveBeenCalled();
    fireEvent.change(markup, { target: { value: '999.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Derive' }));
    await waitFor(() => expect(markup).toHaveAccessibleDescription(/Enter a percentage from 0 to 1000/));
    expect(post).toHaveBeenCalledTimes(1);
    expect(post.mock.calls[0]?.[1]).toMatchObject({ body: { markupPercent: '999.5' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts 409 name_taken next to the name, not in a box below the form', async () => {
    post.mockReset();
    post.mockResolvedValue({ error: { type: 'x', title: 'Conflict', status: 409, code: 'name_taken', detail: 'ITC has a rate sheet named "ITC base +20%" already: choose another name' }, response: new Response(null, { status: 409 }) });
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <DeriveForm sheetId="s1" sheetName="ITC base" />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Derive' }));
    const name = screen.getByRole('textbox', { name: /^New sheet's name/ });
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already: choose another name/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText(/^Markup/)).not.toHaveAccessibleDescription(/./);
  });
});
