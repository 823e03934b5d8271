// The JSON rate sheet (docs/API.md): `{name, rounding: {decimals, mode}, effectiveFrom?, rows: [{prefix,
// destination, connectFee, minimumSeconds, intervals: [{startSecond, ratePerMinute, incrementSeconds}]}]}`.
// The header and each row are parsed separately so the service can validate rows one by one
// (and feed them to a DeckCheck) without building a second copy of a 200k-row deck.
import { isIsoInstant } from '../shared/instant.js';
import { failed, ok, type Parsed } from '../shared/field-error.js';
import { MAX_NAME_CHARS } from '../shared/limits.js';
import { describe, readText, type Errors } from '../shared/read-field.js';
import type { RateRow, SheetRounding } from './rate-row.js';
import { readRounding } from './rounding.js';
import { validateRateRow, type RawInterval, type RowFieldNames } from './validate-rate-row.js';

export interface SheetHeader {
  readonly name: string;
  readonly rounding: SheetRounding;
  /** null = the import's time (the service's clock). */
  readonly effectiveFrom: string | null;
}

/** Everything but `rows`. */
export function parseJsonSheetHeader(body: unknown): Parsed<SheetHeader> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return failed([{ field: 'body', message: `must be a JSON object, got ${describe(body)}` }]);
  const { name, rounding, effectiveFrom, rows } = body as Record<string, unknown>;
  const errors: Errors = [];
  const readName = readText(name, 'name', errors, MAX_NAME_CHARS);
  const readRoundingResult = readRounding(rounding);
  if (!readRoundingResult.ok) errors.push(...readRoundingResult.errors);
  const readEffectiveFrom = effectiveFrom === undefined || effectiveFrom === null ? null : isIsoInstant(effectiveFrom) ? effectiveFrom : undefined;
  if (readEffectiveFrom === undefined) errors.push({ field: 'effectiveFrom', message: `must be an ISO 8601 instant with an offset, got ${describe(effectiveFrom)}` });
  if (!Array.isArray(rows)) errors.push({ field: 'rows', message: `must be an array of rate rows, got ${describe(rows)}` });
  if (errors.length > 0 || readName === undefined || !readRoundingResult.ok || readEffectiveFrom === undefined) return failed(errors);
  return ok({ name: readName, rounding: readRoundingResult.value, effectiveFrom: readEffectiveFrom });
}

/** `rows[index]` of a JSON sheet. */
export function parseJsonRateRow(value: unknown, index: number): Parsed<RateRow> {
  const at = `rows[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return failed([{ field: at, message: `must be an object, got ${describe(value)}` }]);
  const raw = value as Record<string, unknown>;
  const intervals = raw['intervals'];
  if (!Array.isArray(intervals)) return failed([{ field: `${at}.intervals`, message: `must be an array of {startSecond, ratePerMinute, incrementSeconds}, got ${describe(intervals)}` }]);
  const rawIntervals: RawInterval[] = intervals.map((interval: unknown) => {
    const fields = typeof interval === 'object' && interval !== null ? (interval as Record<string, unknown>) : {};
    return { startSecond: fields['startSecond'], ratePerMinute: fields['ratePerMinute'], incrementSeconds: fields['incrementSeconds'] };
  });
  return validateRateRow(
    { prefix: raw['prefix'], destination: raw['destination'], connectFee: raw['connectFee'] ?? '0', minimumSeconds: raw['minimumSeconds'] ?? 0, intervals: rawIntervals },
    jsonNames(at),
  );
}

function jsonNames(at: string): RowFieldNames {
  return {
    prefix: `${at}.prefix`,
    destination: `${at}.destination`,
    connectFee: `${at}.connectFee`,
    minimumSeconds: `${at}.minimumSeconds`,
    intervals: `${at}.intervals`,
    interval: (index, field) => `${at}.intervals[${index}].${field}`,
  };
}
