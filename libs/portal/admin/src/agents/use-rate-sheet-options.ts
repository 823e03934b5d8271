import { useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { asJson } from '../shared/as-json.js';
import type { SheetOption } from './AgentForm.js';

interface SheetSummary {
  sheetId: string;
  name: string;
  kind: 'base' | 'derived';
  ownerAgentId: string | null;
}

/** ITC's rate sheets (base and derived, not agents' own) as options of the agent form. */
export function useRateSheetOptions(): SheetOption[] {
  const { api } = useSession();
  const sheets = useQuery({
    queryKey: ['admin', 'rate-sheets', 'options'],
    queryFn: () => asJson<{ items: SheetSummary[] }>(api.GET('/api/v1/rate-sheets')),
  });
  return (sheets.data?.items ?? []).filter((sheet) => sheet.ownerAgentId === null).map((sheet) => ({ value: sheet.sheetId, label: `${sheet.name} (${sheet.sheetId})` }));
}
