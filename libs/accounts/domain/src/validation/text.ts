// Free text that people type (names, reasons): trimmed, bounded, no control characters.
import { MAX_ID_CHARS } from '../shared/limits.js';

const CONTROL = /\p{Cc}/u;

/** Trimmed `input` when it has 1..maxChars characters and no control characters, else null. */
export function normaliseName(input: string, maxChars: number): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > maxChars || CONTROL.test(trimmed)) return null;
  return trimmed;
}

/** An optional reason: blank means none (null); too long or with control characters is invalid (undefined). */
export function normaliseReason(input: string | null, maxChars: number): string | null | undefined {
  if (input === null || input.trim() === '') return null;
  return normaliseName(input, maxChars) ?? undefined;
}

/** Ids of other aggregates and contexts (rate sheets, profiles): opaque, non-blank, bounded. */
export function isReferenceId(input: string): boolean {
  return input.length > 0 && input.length <= MAX_ID_CHARS && input.trim() === input && !CONTROL.test(input);
}
