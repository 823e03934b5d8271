import { sheetLabels, useSheetList } from '../sheets/sheet-labels.js';
import type { SheetOption } from './AgentForm.js';

/** ITC's rate sheets (base and derived, not agents' own) as options of the agent form, by name. */
export function useRateSheetOptions(): SheetOption[] {
  const sheets = useSheetList();
  const items = (sheets.data?.items ?? []).filter((sheet) => sheet.ownerAgentId === null);
  const labels = sheetLabels(items);
  return items.map((sheet) => ({ value: sheet.sheetId, label: labels.get(sheet.sheetId) ?? sheet.name }));
}
