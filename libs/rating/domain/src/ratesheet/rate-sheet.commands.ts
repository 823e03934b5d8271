// Commands of a rate sheet (stream `ratesheet-{sheetId}`). The rows of a version are big (up to
// 500k) and live in the service's rows table, keyed by (sheetId, versionId): the command carries
// only their count and content hash, computed by the service from canonicalRowLine.
import type { CommandMeta } from '../shared/command-meta.js';
import type { SheetRounding } from '../sheet/rate-row.js';
import type { SheetNamed } from './sheet-name.js';

export interface CreateBaseSheet {
  readonly type: 'CreateBaseSheet';
  readonly sheetId: string;
  readonly name: string;
  /** the rounding of its versions unless an import states another. */
  readonly rounding: SheetRounding;
  /** ITC's other sheets with their names (read under ITC's sheet lock): a base sheet is ITC's own. */
  readonly namesTaken: readonly SheetNamed[];
  readonly meta: CommandMeta;
}

export interface ImportVersion {
  readonly type: 'ImportVersion';
  readonly sheetId: string;
  readonly versionId: string;
  /** calls starting at or after this instant are rated with this version (until the next). */
  readonly effectiveFrom: string;
  readonly rowCount: number;
  /** SHA-256 hex of the canonical lines (docs/rating.md). */
  readonly contentHash: string;
  /** null = the sheet's current rounding. */
  readonly rounding: SheetRounding | null;
  readonly meta: CommandMeta;
}

export interface CreateDerivedSheet {
  readonly type: 'CreateDerivedSheet';
  readonly sheetId: string;
  readonly name: string;
  /**
   * the sheet it derives from as the service loaded it (its stream); null = no such sheet.
   * `markupSteps`: 0 for a base sheet, 1 for a sheet derived from a base, …
   */
  readonly base: { readonly sheetId: string; readonly kind: 'base' | 'derived'; readonly markupSteps: number } | null;
  readonly markupMicroPercent: bigint;
  /**
   * null: ITC derives it; else the agent deriving it, the sheet ITC assigned to that agent (null:
   * none known) and how many sheets that agent owns now (read under the agent's lock).
   */
  readonly owner: { readonly agentId: string; readonly assignedSheetId: string | null; readonly sheetsOwned: number } | null;
  /** the owner's (ITC's, or the agent's) other sheets with their names, read under the owner's sheet lock. */
  readonly namesTaken: readonly SheetNamed[];
  readonly meta: CommandMeta;
}

/** A new markup, in force for calls starting from meta.now. */
export interface ChangeMarkup {
  readonly type: 'ChangeMarkup';
  readonly sheetId: string;
  readonly markupMicroPercent: bigint;
  /** null: ITC changes it (any derived sheet); else the agent, which changes only the sheets it derived. */
  readonly byAgentId: string | null;
  readonly meta: CommandMeta;
}

export type RateSheetCommand = CreateBaseSheet | ImportVersion | CreateDerivedSheet | ChangeMarkup;
