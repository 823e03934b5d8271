// Times are ISO 8601 strings with an offset in commands and events; the domain compares them as
// epoch milliseconds. Parsing a given string is pure: the domain never reads a clock.
import { invariant } from '@billing/decider';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(text: unknown): text is string {
  return typeof text === 'string' && ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text));
}

/** Epoch milliseconds of an instant already known to be valid (a bug otherwise). */
export function instantMs(text: string): number {
  const ms = isIsoInstant(text) ? Date.parse(text) : Number.NaN;
  invariant(!Number.isNaN(ms), `not an ISO 8601 instant: "${text}"`);
  return ms;
}

/** The canonical form every CDR time takes: UTC, milliseconds (`2025-03-01T12:00:00.000Z`). */
export function canonicalInstant(ms: number): string {
  invariant(Number.isSafeInteger(ms), `not an epoch millisecond value: ${ms}`);
  return new Date(ms).toISOString();
}
