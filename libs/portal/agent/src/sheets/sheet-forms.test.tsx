// Problems about one input that name no field (422 invalid_markup, 404 no_rate) are shown at that input.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, renderAsAgent } from '../test/render.js';
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
});
