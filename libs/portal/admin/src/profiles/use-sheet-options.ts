import { useLabelsOf, useSheetList } from '../sheets/sheet-labels.js';

/** Rate sheets for a select (value: id, label: name with its base and owner, see sheetLabels). */
export function useSheetOptions(): { value: string; label: string }[] {
  const sheets = useSheetList();
  const items = sheets.data?.items ?? [];
  const labels = useLabelsOf(items);
  return items.map((sheet) => ({ value: sheet.sheetId, label: labels.get(sheet.sheetId) ?? sheet.name }));
}
