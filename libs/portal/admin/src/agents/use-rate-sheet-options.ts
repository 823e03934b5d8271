import { useLabelsOf, useSheetList } from '../sheets/sheet-labels.js';
import type { SheetOption } from './AgentForm.js';

/** ITC's rate sheets (base and derived, not agents' own) as options of the agent form, as a person recognises them. */
export function useRateSheetOptions(): SheetOption[] {
  const sheets = useSheetList();
  const items = (sheets.data?.items ?? []).filter((sheet) => sheet.ownerAgentId === null);
  const labels = useLabelsOf(items);
  return items.map((sheet) => ({ value: sheet.sheetId, label: labels.get(sheet.sheetId) ?? sheet.name }));
}
