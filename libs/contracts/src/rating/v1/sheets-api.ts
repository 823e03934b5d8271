// Rating's synchronous sheet query for accounts (distributed mode): before an agent, a profile or
// a customer is given a rate sheet, accounts asks whether the sheet exists, so a typo is a 422
// instead of a customer whose every call is refused (`no_rate_sheet`), and where it comes from, so
// it can enforce that an agent bills its customers only with the sheet ITC assigned to it or a
// sheet that agent derived from it.
// `GET /api/v1/internal/rating/sheets/{sheetId}`, the switch API key; always 200 for a valid id.
import { z } from 'zod';

export const RATE_SHEETS_API_PATH = '/api/v1/internal/rating/sheets';

// The lineage fields default to null so an answer from a rating that predates them still parses
// (a rolling deploy): it means "a base sheet owned by ITC", which grants an agent nothing extra.
export const RateSheetExistsResponseV1 = z.object({
  sheetId: z.string(),
  exists: z.boolean(),
  /** the base sheet a derived sheet follows; null for a base sheet (or no sheet). */
  parentSheetId: z.string().nullable().default(null),
  /** a derived sheet's markup in force now, a decimal percentage ("12.5"); null for a base sheet. */
  markupPercent: z.string().nullable().default(null),
  /** the agent that derived the sheet; null when ITC owns it (every base sheet, ITC's derived sheets). */
  ownerAgentId: z.string().nullable().default(null),
});
export type RateSheetExistsResponseV1 = z.infer<typeof RateSheetExistsResponseV1>;
/** The same answer under the name of what it now is: a sheet's identity and lineage. */
export type RateSheetInfoV1 = RateSheetExistsResponseV1;
