// Rating's synchronous sheet query for accounts (distributed mode): before an agent, a profile or
// a customer is given a rate sheet, accounts asks whether the sheet exists, so a typo is a 422
// instead of a customer whose every call is refused (`no_rate_sheet`).
// `GET /api/v1/internal/rating/sheets/{sheetId}`, the switch API key; always 200 for a valid id.
import { z } from 'zod';

export const RATE_SHEETS_API_PATH = '/api/v1/internal/rating/sheets';

export const RateSheetExistsResponseV1 = z.object({ sheetId: z.string(), exists: z.boolean() });
export type RateSheetExistsResponseV1 = z.infer<typeof RateSheetExistsResponseV1>;
