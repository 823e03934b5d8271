import { describe, expect, it } from 'vitest';
import { sheetLabels, type SheetWords } from './sheet-labels';

const words: SheetWords = (key, values) =>
  ({ base: `${values['name']} — base deck`, derived: `${values['name']} — derived from ${values['base']}`, derivedBy: `${values['name']} — derived from ${values['base']} by ${values['owner']}`, anAgent: 'an agent' })[key];

const base = { sheetId: '69c98aff-0000-4000-8000-000000000001', name: 'ITC base', kind: 'base', baseSheetId: null, ownerAgentId: null };
const retail = { sheetId: '12345678-0000-4000-8000-000000000002', name: 'Retail', kind: 'base', baseSheetId: null, ownerAgentId: null };

describe('sheetLabels', () => {
  it('tells same-name sheets apart by their base and owner, not by an id', () => {
    const labels = sheetLabels(
      [
        base,
        retail,
        { sheetId: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'Sell', kind: 'derived', baseSheetId: base.sheetId, ownerAgentId: null },
        { sheetId: 'bbbbbbbb-0000-4000-8000-000000000004', name: 'Sell', kind: 'derived', baseSheetId: retail.sheetId, ownerAgentId: null },
        { sheetId: 'cccccccc-0000-4000-8000-000000000005', name: 'Sell', kind: 'derived', baseSheetId: base.sheetId, ownerAgentId: 'agent-1' },
        { sheetId: 'dddddddd-0000-4000-8000-000000000006', name: 'Sell', kind: 'derived', baseSheetId: base.sheetId, ownerAgentId: 'agent-unknown' },
      ],
      words,
      new Map([['agent-1', 'Acme Telecom']]),
    );
    expect([...labels.values()]).toEqual([
      'ITC base — base deck',
      'Retail — base deck',
      'Sell — derived from ITC base',
      'Sell — derived from Retail',
      'Sell — derived from ITC base by Acme Telecom',
      'Sell — derived from ITC base by an agent',
    ]);
  });

  it('adds the short id only where name, base and owner are all the same', () => {
    const twin = { ...base, sheetId: 'abcdefab-0000-4000-8000-000000000007' };
    const labels = sheetLabels([base, twin, retail], words, new Map());
    expect([...labels.values()]).toEqual(['ITC base — base deck · 69c98aff', 'ITC base — base deck · abcdefab', 'Retail — base deck']);
  });
});
