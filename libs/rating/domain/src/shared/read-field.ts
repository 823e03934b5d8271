// Readers for one input field: each returns the value, or records a FieldError and returns
// undefined, so a parser reads every field and reports all problems together.
import { MoneyFormatError, parseNonNegativeMoney } from '@billing/money';
import type { FieldError } from './field-error.js';

export type Errors = FieldError[];

/** A money decimal string (docs/ARCHITECTURE.md, Money: never a JSON number, at most 6 decimals) in [0, maxMicros]. */
export function readMoney(value: unknown, field: string, errors: Errors, maxMicros: bigint): bigint | undefined {
  try {
    const micros = parseNonNegativeMoney(value, field);
    if (micros <= maxMicros) return micros;
    errors.push({ field, message: `must be at most ${maxMicros / 1_000_000n}` });
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    errors.push({ field, message: error.reason });
  }
  return undefined;
}

/** A whole number in [min, max], as a JSON integer or a string of digits (CSV cells are text). */
export function readWhole(value: unknown, field: string, errors: Errors, min: number, max: number): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= min && number <= max) return number;
  errors.push({ field, message: `must be a whole number from ${min} to ${max}, got ${describe(value)}` });
  return undefined;
}

/** Non-empty text without surrounding spaces, at most `maxChars`. */
export function readText(value: unknown, field: string, errors: Errors, maxChars: number): string | undefined {
  if (typeof value === 'string' && value.length > 0 && value.length <= maxChars && value.trim() === value) return value;
  errors.push({ field, message: `must be 1 to ${maxChars} characters without surrounding spaces, got ${describe(value)}` });
  return undefined;
}

/** For messages: a short, safe rendering of what was received. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
