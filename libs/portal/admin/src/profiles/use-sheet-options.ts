import { sheetLabels, useSheetList } from '../sheets/sheet-labels.js';

/** Rate sheets for a select (value: id, label: name, a short id where two share a name). */
export function useSheetOptions(): { value: string; label: string }[] {
  const sheets = useSheetList();
  const items = sheets.data?.items ?? [];
  const labels = sheetLabels(items);
  return items.map((sheet) => ({ value: sheet.sheetId, label: labels.get(sheet.sheetId) ?? sheet.name }));
}
