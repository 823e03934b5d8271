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

  it('puts 409 name_taken of the import next to the sheet name, not in a box below the form', async () => {
    authFetch.mockReset();
    const deckPreview = { dryRun: true, valid: true, rowCount: 1, rounding: { decimals: 4, mode: 'up' }, effectiveFrom: null, rows: [{ prefix: '44', destination: 'UK', connectFee: '0', minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinute: '0.1', incrementSeconds: 60 }] }], errors: [], truncated: false };
    const taken = { type: 'x', title: 'Conflict', status: 409, code: 'name_taken', detail: 'ITC has a rate sheet named "Wholesale" already: choose another name' };
    authFetch.mockImplementation((path: string) => Promise.resolve(path.includes('dryRun') ? Response.json(deckPreview) : Response.json(taken, { status: 409, headers: { 'Content-Type': 'application/problem+json' } })));
    renderAdmin(
      <QueryClientProvider client={new QueryClient()}>
        <SheetImportPage />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: /^Deck text/ }), { target: { value: 'prefix,destination,rate_per_minute,increment_seconds\n44,UK,0.1,60' } });
    const name = screen.getByRole('textbox', { name: /^Sheet name/ });
    fireEvent.change(name, { target: { value: 'Wholesale' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Import/ })).toBeEnabled());
    fireEvent.click(screen.getByRole('button', { name: /^Import/ }));
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already: choose another name/));
    // said once, at the input (the preview's own "valid" box stays)
    expect(screen.getAllByText(/already: choose another name/)).toHaveLength(1);
    expect(screen.queryByText('This name is already taken.')).toBeNull();
  });
});
