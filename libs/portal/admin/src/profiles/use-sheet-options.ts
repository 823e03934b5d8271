import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';

/** Rate sheets for a select (value: id, label: name). */
export function useSheetOptions(): { value: string; label: string }[] {
  const { api } = useSession();
  const sheets = useQuery({ queryKey: ['rate-sheets', 'list'], queryFn: () => orThrow(api.GET('/api/v1/rate-sheets')) });
  return (sheets.data?.items ?? []).map((sheet) => ({ value: sheet.sheetId, label: sheet.name }));
}
