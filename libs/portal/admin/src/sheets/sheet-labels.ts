import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { sheetKeys } from './sheet-wire.js';

/** Each sheet's label: its name; a name two sheets share gets a short id ("ITC base · 69c98aff") to tell them apart. */
export function sheetLabels(sheets: readonly { sheetId: string; name: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const sheet of sheets) count.set(sheet.name, (count.get(sheet.name) ?? 0) + 1);
  return new Map(sheets.map((sheet) => [sheet.sheetId, (count.get(sheet.name) ?? 0) > 1 ? `${sheet.name} · ${sheet.sheetId.slice(0, 8)}` : sheet.name]));
}

/** GET /rate-sheets (invalidated with every sheet change). */
export function useSheetList() {
  const { api } = useSession();
  return useQuery({ queryKey: sheetKeys.list(), queryFn: () => orThrow(api.GET('/api/v1/rate-sheets')) });
}

/** Every sheet's label by id (empty while the list loads). */
export function useSheetLabels(): Map<string, string> {
  return sheetLabels(useSheetList().data?.items ?? []);
}
