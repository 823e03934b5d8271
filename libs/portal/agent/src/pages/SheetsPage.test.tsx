import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAsAgent } from '../test/render.js';
import { SheetsPage } from './SheetsPage.js';

const sheets = [
  { sheetId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'ITC wholesale', baseSheetId: null },
  { sheetId: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Retail', baseSheetId: 'aaaaaaaa-0000-4000-8000-000000000001' },
  { sheetId: 'cccccccc-0000-4000-8000-000000000003', name: 'Retail', baseSheetId: 'aaaaaaaa-0000-4000-8000-000000000001' },
];

describe('SheetsPage', () => {
  it('shows sheets by name; an id only tells apart two sheets of the same name', async () => {
    await renderAsAgent(<SheetsPage />, (call) => {
      if (call.path.startsWith('/api/v1/rate-sheets/')) return Response.json({ markupPercent: '20', items: [], nextCursor: null });
      return Response.json({ items: sheets });
    });
    const table = await screen.findByRole('table', { name: 'Rate sheets' });
    expect(await within(table).findByText('ITC wholesale')).toBeInTheDocument();
    expect(within(table).queryByText(/aaaaaaaa/)).toBeNull();
    expect(within(table).getByText('bbbbbbbb')).toBeInTheDocument();
    expect(within(table).getByText('cccccccc')).toBeInTheDocument();
  });
});
