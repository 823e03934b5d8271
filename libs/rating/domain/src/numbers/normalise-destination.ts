// Destination numbers are matched by longest prefix on digits only (docs/rating.md): `+44 (20) 7946-0958`,
// `0044 20 7946 0958` and `442079460958` are the same number. Anything that is not a number after
// the separators are gone (`*97`, `s`, a SIP URI) cannot be rated and is refused with a reason.
import { MAX_DESTINATION_CHARS, MAX_DESTINATION_DIGITS } from '../shared/limits.js';

export type NormalisedDestination = { readonly ok: true; readonly digits: string } | { readonly ok: false; readonly reason: string };

/** Separators people and switches put into numbers. */
const SEPARATORS = /[\s\-.()]/g;
const DIGITS = /^[0-9]+$/;

export function normaliseDestination(text: string): NormalisedDestination {
  // Bound before any regex work: a destination is a phone number, not a document.
  if (text.length > MAX_DESTINATION_CHARS) return { ok: false, reason: `must be at most ${MAX_DESTINATION_CHARS} characters` };
  let digits = text.replace(SEPARATORS, '');
  // One international prefix, in either spelling; never both ("+00…" is not a number anyone dials).
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits === '') return { ok: false, reason: 'must contain digits' };
  if (!DIGITS.test(digits)) return { ok: false, reason: 'must be digits, optionally with a leading + or 00, spaces, dashes, dots or parentheses' };
  if (digits.length > MAX_DESTINATION_DIGITS) return { ok: false, reason: `must be at most ${MAX_DESTINATION_DIGITS} digits` };
  return { ok: true, digits };
}
