// The request an import sends (docs/API.md §9): a CSV deck goes as text/csv with the sheet fields
// in the query string; a JSON deck as a JSON body with the fields beside its rows. The same
// request with dryRun is the preview, so what was previewed is exactly what gets imported.
import type { RoundingMode } from './sheet-wire.js';

export interface DeckForm {
  /** the file's (or pasted) text. */
  text: string;
  /** the file name, when a file was chosen (its extension decides the format first). */
  fileName: string | null;
  /**
   * a new sheet's name (ignored for a new version), sent as typed: the API gives it its normal form
   * and refuses an invisible character (docs/API.md §1 Names), which String#trim would hide (a BOM).
   */
  name: string;
  /** '' = the deck's own column, else the import's time. */
  effectiveFrom: string;
  decimals: number | null;
  mode: RoundingMode | null;
}

export type DeckFormat = 'csv' | 'json';

export type DeckRequest = { ok: true; format: DeckFormat; path: string; init: RequestInit } | { ok: false; reason: 'empty' | 'invalid_json' | 'no_rows' };

/** JSON when the file says so or the text starts like JSON; otherwise CSV. */
export function deckFormat(text: string, fileName: string | null): DeckFormat {
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

/** `sheetId` null: a new sheet (POST /rate-sheets); else a new version of that sheet. */
export function deckRequest(form: DeckForm, sheetId: string | null, dryRun: boolean): DeckRequest {
  if (form.text.trim() === '') return { ok: false, reason: 'empty' };
  const path = sheetId === null ? '/api/v1/rate-sheets' : `/api/v1/rate-sheets/${encodeURIComponent(sheetId)}/versions`;
  const format = deckFormat(form.text, form.fileName);
  const rounding = form.decimals === null && form.mode === null ? null : { decimals: form.decimals ?? 4, mode: form.mode ?? 'up' };
  if (format === 'csv') {
    const query = new URLSearchParams();
    if (sheetId === null && form.name.trim() !== '') query.set('name', form.name);
    if (rounding !== null) {
      query.set('decimals', String(rounding.decimals));
      query.set('mode', rounding.mode);
    }
    if (form.effectiveFrom !== '') query.set('effectiveFrom', form.effectiveFrom);
    if (dryRun) query.set('dryRun', 'true');
    const search = query.toString();
    return { ok: true, format, path: search === '' ? path : `${path}?${search}`, init: { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: form.text } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(form.text);
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  // a bare array is the rows; an object is a deck whose own rows (and fields) are kept
  const deck: Record<string, unknown> = Array.isArray(parsed) ? { rows: parsed } : typeof parsed === 'object' && parsed !== null ? { ...(parsed as Record<string, unknown>) } : {};
  if (!Array.isArray(deck['rows'])) return { ok: false, reason: 'no_rows' };
  if (sheetId === null) deck['name'] = form.name.trim() !== '' ? form.name : deck['name'];
  else delete deck['name'];
  if (rounding !== null) deck['rounding'] = rounding;
  if (form.effectiveFrom !== '') deck['effectiveFrom'] = form.effectiveFrom;
  if (dryRun) deck['dryRun'] = true;
  else delete deck['dryRun'];
  return { ok: true, format, path, init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(deck) } };
}
