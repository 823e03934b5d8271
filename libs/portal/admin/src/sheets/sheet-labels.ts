import { orThrow, useSession } from '@billing/portal-session';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAgentOptions } from '../customers/use-options.js';
import { sheetKeys } from './sheet-wire.js';

export interface LabelledSheet {
  sheetId: string;
  name: string;
  kind: string;
  baseSheetId: string | null;
  ownerAgentId: string | null;
}

/** `sheets.label.*` messages: (key, values) → text. */
export type SheetWords = (key: 'base' | 'derived' | 'derivedBy' | 'anAgent', values: Record<string, string>) => string;

/**
 * Each sheet as a person recognises it: "Acme sell — derived from ITC base by Acme Telecom",
 * "ITC base — base deck". Two sheets that still read the same (same name, base and owner) get
 * the first characters of their ids, the only thing left that tells them apart (GET /rate-sheets
 * sends no markup nor creation date).
 */
export function sheetLabels(sheets: readonly LabelledSheet[], words: SheetWords, agentNames: ReadonlyMap<string, string>): Map<string, string> {
  const names = new Map(sheets.map((sheet) => [sheet.sheetId, sheet.name]));
  const describe = (sheet: LabelledSheet): string => {
    if (sheet.kind !== 'derived' || sheet.baseSheetId === null) return words('base', { name: sheet.name });
    const base = names.get(sheet.baseSheetId) ?? sheet.baseSheetId.slice(0, 8);
    if (sheet.ownerAgentId === null) return words('derived', { name: sheet.name, base });
    return words('derivedBy', { name: sheet.name, base, owner: agentNames.get(sheet.ownerAgentId) ?? words('anAgent', {}) });
  };
  const described = sheets.map((sheet) => [sheet.sheetId, describe(sheet)] as const);
  const count = new Map<string, number>();
  for (const [, label] of described) count.set(label, (count.get(label) ?? 0) + 1);
  return new Map(described.map(([sheetId, label]) => [sheetId, (count.get(label) ?? 0) > 1 ? `${label} · ${sheetId.slice(0, 8)}` : label]));
}

/** GET /rate-sheets (invalidated with every sheet change). */
export function useSheetList() {
  const { api } = useSession();
  return useQuery({ queryKey: sheetKeys.list(), queryFn: () => orThrow(api.GET('/api/v1/rate-sheets')) });
}

/** The labels of these sheets (sheetLabels) in the page's language, with the agents' names. */
export function useLabelsOf(sheets: readonly LabelledSheet[]): Map<string, string> {
  const { t } = useTranslation('admin');
  const agentNames = new Map(useAgentOptions().map((agent) => [agent.id, agent.name]));
  return sheetLabels(sheets, (key, values) => t(`sheets.label.${key}`, values), agentNames);
}

/** Every sheet's label by id (empty while the list loads). */
export function useSheetLabels(): Map<string, string> {
  return useLabelsOf(useSheetList().data?.items ?? []);
}
