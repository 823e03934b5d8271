// The agent's customer billing terms against an in-test API (docs/API.md §6, PATCH /customers/{id}).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent, type Sent } from '../test/render.js';
import { BillingTermsCard } from './BillingTermsCard.js';

const SHEETS = { items: [{ sheetId: 'sheet-agent', name: 'Wholesale (ITC)', baseSheetId: null }, { sheetId: 'sheet-retail', name: 'Retail +25 %', baseSheetId: 'sheet-agent' }], nextCursor: null };
const patches = (sent: Sent[]) => sent.filter((call) => call.method === 'PATCH').map((call) => ({ path: call.path, body: JSON.parse(call.body) as unknown }));

async function setup(answer: (body: Record<string, unknown>) => Response, rateSheetId = 'sheet-agent') {
  return renderAsAgent(<BillingTermsCard customerId="c-1" billingType="postpaid" rateSheetId={rateSheetId} creditLimit="50" closed={false} />, (sent) => {
    if (sent.path.startsWith('/api/v1/rate-sheets')) return Response.json(SHEETS);
    if (sent.method === 'PATCH') return answer(JSON.parse(sent.body) as Record<string, unknown>);
    return new Response(null, { status: 404 });
  });
}

describe('BillingTermsCard', () => {
  // acceptance: the agent could not change a customer's rate sheet or credit limit at all
  it('sends only the changed credit limit', async () => {
    const { sent } = await setup(() => Response.json({}));
    const limit = await screen.findByRole('textbox', { name: /^Credit limit/ });
    fireEvent.change(limit, { target: { value: '75.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patches(sent)).toEqual([{ path: '/api/v1/customers/c-1', body: { creditLimit: '75.5' } }]));
  });

  it('puts a refusal about the credit limit next to it, and drops it once the limit is edited', async () => {
    await setup(() => problem(403, 'credit_limit_above_agent_maximum', 'credit limit 900 is above the 500 ITC allows this agent to grant a customer'));
    const limit = await screen.findByRole('textbox', { name: /^Credit limit/ });
    fireEvent.change(limit, { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = 'credit limit 900 is above the 500 ITC allows this agent to grant a customer';
    await waitFor(() => expect(limit).toHaveAccessibleDescription(message));
    expect(screen.queryByRole('alert', { name: /credit/i })).toBeNull();
    fireEvent.change(limit, { target: { value: '400' } });
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
  });

  it('shows the customer\'s sheet by its name', async () => {
    await setup(() => Response.json({}));
    await waitFor(() => expect(screen.getByDisplayValue('Wholesale (ITC)')).toBeInTheDocument());
  });

  // acceptance: after ITC moved the customer to its own itc-base, the select showed the raw id as one of the agent's options;
  // then it said ITC's sheet only as the empty select's placeholder, which a screen reader may not announce as its value
  it("says a sheet ITC set (one the agent cannot read) as ITC's in the field's description and offers only the agent's own sheets", async () => {
    const { sent } = await setup(() => Response.json({}), 'itc-base');
    const sheet = await screen.findByLabelText('Rate sheet', { selector: 'input' });
    await waitFor(() => expect(sheet).toHaveAccessibleDescription(/^Set by ITC: itc-base \(not one of your sheets\)/));
    expect(screen.getByText('Set by ITC: itc-base (not one of your sheets)')).toBeVisible();
    expect(sheet).toHaveValue('');
    expect(sheet).toHaveAttribute('placeholder', 'Choose one of your sheets');
    await userEvent.click(sheet);
    const offered = await screen.findAllByRole('option', { hidden: true });
    expect(offered.map((option) => option.textContent)).toEqual(['Wholesale (ITC)', 'Retail +25 %']);
    await userEvent.click(screen.getByRole('option', { name: 'Retail +25 %', hidden: true }));
    expect(screen.queryByText(/Set by ITC/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patches(sent)).toEqual([{ path: '/api/v1/customers/c-1', body: { rateSheetId: 'sheet-retail' } }]));
  });
});
