// The answer of an import's dry run (`?dryRun=true`): what the import would store, or every bad
// row, so a person can fix the deck before committing it (an import is all or nothing).
import { z } from 'zod';
import { deckErrorView, type DeckPreview } from '../sheets/rate-sheets.service.js';
import { RateRowSchema, rateRowView } from './views.js';

/** How many of the deck's rows the preview shows (rowCount counts them all). */
export const PREVIEW_ROWS = 100;

export const DeckPreviewView = z.object({
  dryRun: z.literal(true),
  valid: z.boolean().meta({ description: 'true: the import would be accepted (bar a conflict decided when it is stored: effective_from_taken, too_many_versions)' }),
  rowCount: z.number().int().meta({ description: 'the rows the import would store (0 when the deck has errors)' }),
  rounding: z.object({ decimals: z.number().int(), mode: z.string() }),
  effectiveFrom: z.string().nullable().meta({ description: "the deck's effective_from, else the one asked for; null = the import's time" }),
  rows: z.array(RateRowSchema).meta({ description: `the first ${PREVIEW_ROWS} good rows, in deck order` }),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), path: z.string(), message: z.string() })).meta({ description: 'every bad row (as the 422 invalid_deck would list them)' }),
  truncated: z.boolean().meta({ description: 'true: more errors than listed' }),
});
export type DeckPreviewView = z.infer<typeof DeckPreviewView>;

export function deckPreviewView(preview: DeckPreview, format: 'csv' | 'json'): DeckPreviewView {
  const { result } = preview;
  const rows = result.ok ? result.rows : [];
  return {
    dryRun: true,
    valid: result.ok,
    rowCount: result.ok ? result.rows.length : 0,
    rounding: { decimals: preview.rounding.decimals, mode: preview.rounding.mode },
    effectiveFrom: preview.effectiveFrom,
    rows: rows.slice(0, PREVIEW_ROWS).map(rateRowView),
    errors: result.ok ? [] : result.errors.map((error) => deckErrorView(error, format)),
    truncated: result.ok ? false : result.truncated,
  };
}
