// Events of a rate sheet (stream `ratesheet-{sheetId}`). Each carries its sheetId, actor and time.
import type { SheetRounding } from '../sheet/rate-row.js';

interface SheetEventBase {
  readonly sheetId: string;
  readonly actor: string;
  readonly occurredAt: string;
}

export interface BaseSheetCreated extends SheetEventBase {
  readonly type: 'BaseSheetCreated';
  readonly name: string;
  readonly rounding: SheetRounding;
}

export interface RateSheetVersionImported extends SheetEventBase {
  readonly type: 'RateSheetVersionImported';
  readonly versionId: string;
  readonly effectiveFrom: string;
  readonly rowCount: number;
  readonly contentHash: string;
  /** resolved: the command's, or the sheet's current one. */
  readonly rounding: SheetRounding;
}

export interface DerivedSheetCreated extends SheetEventBase {
  readonly type: 'DerivedSheetCreated';
  readonly name: string;
  /** the sheet it derives from (a base sheet, or a sheet derived from one). */
  readonly baseSheetId: string;
  readonly markupMicroPercent: bigint;
  /** the agent that derived it; null (or absent, in events older than agents deriving) = ITC. */
  readonly ownerAgentId?: string | null;
}

export interface MarkupChanged extends SheetEventBase {
  readonly type: 'MarkupChanged';
  readonly previousMarkupMicroPercent: bigint;
  readonly markupMicroPercent: bigint;
  /** = occurredAt: calls starting from then use the new markup. */
  readonly effectiveFrom: string;
}

export type RateSheetEvent = BaseSheetCreated | RateSheetVersionImported | DerivedSheetCreated | MarkupChanged;

export const RATE_SHEET_EVENT_TYPES: readonly RateSheetEvent['type'][] = ['BaseSheetCreated', 'RateSheetVersionImported', 'DerivedSheetCreated', 'MarkupChanged'];
