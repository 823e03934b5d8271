import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { OpenBatchModal } from './OpenBatchModal';

const post = vi.fn(() => new Promise(() => undefined));

vi.mock('@tanstack/react-router', () => ({ useNavigate: () => vi.fn() }));
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ api: { GET: () => new Promise(() => undefined), POST: post } }),
}));

function renderModal() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <OpenBatchModal opened onClose={vi.fn()} />
    </QueryClientProvider>,
  );
  return screen.getByRole('textbox', { name: /^How many/ });
}

describe('OpenBatchModal', () => {
  it('keeps a count below 10 as typed, says the range next to it and opens nothing (was clamped to 10 on blur)', async () => {
    const count = renderModal();
    await userEvent.clear(count);
    await userEvent.type(count, '9');
    await userEvent.tab();
    expect(count).toHaveValue('9');
    expect(count).toHaveAccessibleDescription(/whole number from 10 to 1000/);
    fireEvent.submit(count.closest('form') as HTMLFormElement);
    expect(post).not.toHaveBeenCalled();
  });

  it('keeps 1001 as typed and opens nothing', async () => {
    const count = renderModal();
    await userEvent.clear(count);
    await userEvent.type(count, '1001');
    await userEvent.tab();
    expect(count).toHaveValue('1001');
    fireEvent.submit(count.closest('form') as HTMLFormElement);
    expect(post).not.toHaveBeenCalled();
  });
});
