// Rate-sheet facts other contexts may follow (e.g. to validate a sheet id). Rows are not published:
// a version's rows stay in the rating service; `contentHash` identifies them.
import { z } from 'zod';
import { percentString } from '../../money.js';
import { Actor, Instant, RatingId, Rounding } from './wire.js';

export const RateSheetVersionImportedV1 = z.object({
  sheetId: RatingId,
  versionId: RatingId,
  effectiveFrom: Instant,
  rowCount: z.number().int().min(1).max(500_000),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex'),
  rounding: Rounding,
  actor: Actor,
});
export type RateSheetVersionImportedV1 = z.infer<typeof RateSheetVersionImportedV1>;

export const DerivedSheetCreatedV1 = z.object({
  sheetId: RatingId,
  name: z.string().min(1).max(100),
  /** the sheet it derives from: a base sheet, or a sheet derived from one. */
  baseSheetId: RatingId,
  /** "12.5" = base + 12.5 %; 0 to 1000. */
  markupPercent: percentString({ max: 1_000_000_000n }),
  /** the agent that derived it; null = ITC (absent in events published before agents derived sheets). */
  ownerAgentId: RatingId.nullable().optional(),
  actor: Actor,
});
export type DerivedSheetCreatedV1 = z.infer<typeof DerivedSheetCreatedV1>;
