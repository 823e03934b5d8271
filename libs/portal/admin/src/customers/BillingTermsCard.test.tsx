import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderAdmin } from '../test/render';
import { BillingTermsCard } from './BillingTermsCard';
import type { Customer } from './customer-wire';

let refusal: unknown = null;
const patch = vi.fn((_path: string, _init: { body: unknown }) => Promise.resolve(refusal === null ? { data: {}, response: new Response(null, { status: 200 }) } : { error: refusal, response: new Response(null, { status: 422 }) }));
const sheets = { items: [{ sheetId: 'itc-base', kind: 'base', name: 'ITC base', baseSheetId: null, ownerAgentId: null }, { sheetId: 'acme-sell', kind: 'derived', name: 'Acme sell', baseSheetId: 'itc-base', ownerAgentId: null }] };

vi.mock('@billing/portal-session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@billing/portal-session')>()),
  useSession: () => ({
    api: { GET: (path: string) => (path === '/api/v1/rate-sheets' ? Promise.resolve({ data: sheets, response: new Response(null, { status: 200 }) }) : new Promise(() => undefined)), PATCH: patch },
  }),
}));

const customer = { id: 'c1', status: 'active', billingType: 'postpaid', creditLimit: '10', rateSheetId: 'acme-sell' } as unknown as Customer;

async function show() {
  renderAdmin(
    <QueryClientProvider client={new QueryClient()}>
      <BillingTermsCard customer={customer} />
    </QueryClientProvider>,
  );
  // the card is loaded lazily (ui's BillingTermsCard): wait for it
  return screen.findByRole('textbox', { name: /^Credit limit/ });
}

describe('BillingTermsCard', () => {
  it("changes a postpaid customer's credit limit with PATCH /customers/{id} naming only the limit", async () => {
    refusal = null;
    patch.mockClear();
    const limit = await show();
    await userEvent.clear(limit);
    await userEvent.type(limit, '250.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0]?.[0]).toBe('/api/v1/customers/{id}');
    expect(patch.mock.calls[0]?.[1].body).toEqual({ creditLimit: '250.5' });
  });

  it("puts the API's refusal of a sheet next to the sheet", async () => {
    refusal = { type: 'about:blank', title: 'rate_sheet_not_found', status: 422, code: 'rate_sheet_not_found', detail: 'rate sheet itc-base not found' };
    await show();
    const sheet = screen.getByRole('combobox', { name: /^Rate sheet/ });
    await userEvent.click(sheet);
    await userEvent.click(await screen.findByRole('option', { name: /^ITC base/, hidden: true }));
    await userEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    expect(await screen.findByText('rate sheet itc-base not found')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
