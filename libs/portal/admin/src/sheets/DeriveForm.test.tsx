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
});
