import { describe, expect, it } from 'vitest';
import { sheetLabels } from './sheet-labels';

describe('sheetLabels', () => {
  it('names each sheet, with a short id only where two share a name', () => {
    const labels = sheetLabels([
      { sheetId: '69c98aff-0000-4000-8000-000000000001', name: 'ITC base' },
      { sheetId: '12345678-0000-4000-8000-000000000002', name: 'ITC base' },
      { sheetId: 'abcdefab-0000-4000-8000-000000000003', name: 'Retail' },
    ]);
    expect([...labels.values()]).toEqual(['ITC base · 69c98aff', 'ITC base · 12345678', 'Retail']);
  });
});
