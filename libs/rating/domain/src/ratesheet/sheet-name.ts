// An owner's rate sheets (ITC's, or one agent's) have distinct names: its pickers list them by name.
// The names rule is @billing/contracts names.ts (docs/API.md §1, Names); this is where a sheet's
// creation — and the import preview, which answers the same checks — applies it.
import { normaliseDistinctName, sameDistinctName } from '@billing/contracts';
import { MAX_NAME_CHARS } from '../shared/limits.js';
import { rejections } from '../shared/rejections.js';

/** One of the owner's other sheets. */
export interface SheetNamed {
  readonly sheetId: string;
  readonly name: string;
}

/** The name in its normal form, or 422 invalid_name (blank, too long, an invisible character). */
export function checkSheetName(name: string): string {
  const normalised = normaliseDistinctName(name);
  if (normalised === null || normalised.length === 0 || normalised.length > MAX_NAME_CHARS) throw rejections.invalidName();
  return normalised;
}

/** 409 name_taken, naming the owner's sheet that already looks like `name`. */
export function checkSheetNameFree(name: string, namesTaken: readonly SheetNamed[], ownerAgentId: string | null): void {
  const taken = namesTaken.find((other) => sameDistinctName(other.name, name));
  if (taken !== undefined) throw rejections.nameTaken(taken, ownerAgentId === null ? 'ITC' : 'the agent');
}
