// Problems about one input that name no field (422 invalid_markup, 404 no_rate) are shown at that input.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent } from '../test/render.js';
import { DeriveSheetForm } from './DeriveSheetForm.js';
import { MarkupModal } from './MarkupModal.js';
import { PriceLookup } from './PriceLookup.js';

describe('sheet forms', () => {
  it('a markup out of range is shown at the markup field, not in a separate box', async () => {
    await renderAsAgent(<MarkupModal sheetId="s-1" name="Retail" markupPercent="20" onClose={() => undefined} />, () => problem(422, 'invalid_markup', 'markupPercent must be from 0 to 1000'));
    const input = await screen.findByRole('textbox', { name: /Markup/ });
    fireEvent.change(input, { target: { value: '5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription(/must be from 0 to 1000/));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a number without a price is shown at the number field', async () => {
    await renderAsAgent(<PriceLookup sheets={[{ sheetId: 's-1', name: 'Retail' }]} />, () => problem(404, 'no_rate', 'No rate for +99 999'));
    const input = screen.getByRole('textbox', { name: /Number/ });
    fireEvent.change(input, { target: { value: '+99999' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(input).toHaveAccessibleDescription('No rate for +99 999'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('a markup typed with the other language\'s decimal mark is refused at the input, not read as a decimal point', async () => {
    const { sent } = await renderAsAgent(<MarkupModal sheetId="s-1" name="Retail" markupPercent="20" onClose={() => undefined} />, () => Response.json({}));
    const input = await screen.findByRole('textbox', { name: /Markup/ });
    fireEvent.change(input, { target: { value: '30,5' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(input).toHaveAccessibleDescription(/Enter an amount/));
    expect(sent).toEqual([]);
    fireEvent.change(input, { target: { value: '30.5' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(sent.map((call) => call.body)).toEqual([JSON.stringify({ markupPercent: '30.5' })]));
  });

  it('deriving with a markup typed with a comma in English sends nothing; with the language\'s mark it sends the markup', async () => {
    const { sent } = await renderAsAgent(<DeriveSheetForm assignedSheetId="s-1" />, () => Response.json({}));
    fireEvent.change(screen.getByRole('textbox', { name: /Name/ }), { target: { value: 'Retail' } });
    const markup = screen.getByRole('textbox', { name: /Markup/ });
    fireEvent.change(markup, { target: { value: '10,5' } });
    fireEvent.submit(markup.closest('form')!);
    await waitFor(() => expect(markup).toHaveAccessibleDescription(/Enter an amount/));
    expect(sent).toEqual([]);
    fireEvent.change(markup, { target: { value: '10.5' } });
    fireEvent.submit(markup.closest('form')!);
    await waitFor(() => expect(sent.map((call) => JSON.parse(call.body) as unknown)).toEqual([{ name: 'Retail', markupPercent: '10.5' }]));
  });

  it('a sheet name already taken is shown at the name input, not in a separate box', async () => {
    await renderAsAgent(<DeriveSheetForm assignedSheetId="s-1" />, () => problem(409, 'name_taken', 'A sheet named Retail already exists'));
    const name = screen.getByRole('textbox', { name: /Name/ });
    fireEvent.change(name, { target: { value: 'Retail' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Markup/ }), { target: { value: '10' } });
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already/));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
