import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { SheetImportPage } from './SheetImportPage';

const authFetch = vi.fn();
vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({ authFetch, api: { GET: () => new Promise(() => undefined) } }),
}));
vi.mock('@tanstack/react-router', () => ({ useSearch: () => ({}), useNavigate: () => vi.fn(), Link: () => null }));

describe('SheetImportPage', () => {
  it("says an empty sheet name next to it in the portal's words (the form is noValidate: no browser bubble) and sends nothing", async () => {
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <SheetImportPage />
      </QueryClientProvider>,
    );
    const form = screen.getByRole('button', { name: 'Preview' }).closest('form') as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /^Deck text/ }), { target: { value: 'prefix,destination,rate_per_minute,increment_seconds\n44,UK,0.1,60' } });
    fireEvent.submit(form);
    const name = screen.getByRole('textbox', { name: /^Sheet name/ });
    expect(name).toHaveAccessibleDescription('Fill in this field');
    expect(authFetch).not.toHaveBeenCalled();
    await userEvent.type(name, 'Wholesale');
    expect(name).not.toHaveAccessibleDescription('Fill in this field');
    authFetch.mockReturnValue(new Promise(() => undefined)); // the preview itself is not this test's
    fireEvent.submit(form);
    await waitFor(() => expect(authFetch).toHaveBeenCalledTimes(1));
  });
});
