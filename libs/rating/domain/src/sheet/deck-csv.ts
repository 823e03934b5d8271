// The CSV rate deck (docs/rating.md): a header line, then one rate row per line.
//   prefix,destination,connect_fee,minimum_seconds,rate_per_minute,increment_seconds[,interval2_start_second,
//   interval2_rate_per_minute,interval2_increment_seconds …][,effective_from]
// Column names are case-insensitive, in any order. The first interval starts at 0 (rate_per_minute,
// increment_seconds); further intervals are optional column groups interval2_… to interval8_…, and a
// row leaves a group empty when it has fewer intervals. connect_fee and minimum_seconds may be left
// out (column) or empty (cell): 0. effective_from, when present, is the deck's one effective time.
import { isIsoInstant } from '../shared/instant.js';
import { failed, ok, type FieldError, type Parsed } from '../shared/field-error.js';
import { MAX_INTERVALS_PER_ROW } from '../shared/limits.js';
import { describe } from '../shared/read-field.js';
import type { CsvRecord } from '../csv/csv-record-reader.js';
import { isPrefix, type RateRow } from './rate-row.js';
import { validateRateRow, type IntervalField, type RawInterval, type RowFieldNames } from './validate-rate-row.js';

const REQUIRED = ['prefix', 'destination', 'rate_per_minute', 'increment_seconds'] as const;
const OPTIONAL = ['connect_fee', 'minimum_seconds', 'effective_from'] as const;
const GROUP_SUFFIXES: Record<IntervalField, string> = { startSecond: 'start_second', ratePerMinute: 'rate_per_minute', incrementSeconds: 'increment_seconds' };
const GROUP_FIELDS = Object.keys(GROUP_SUFFIXES) as IntervalField[];

/** Where each column is, by position in the record. */
export interface DeckColumns {
  readonly count: number;
  readonly index: ReadonlyMap<string, number>;
  /** interval groups 2..n present in the header. */
  readonly extraIntervals: number;
}

export type DeckRowResult =
  | { readonly ok: true; readonly line: number; readonly row: RateRow; readonly effectiveFrom: string | null }
  /** `prefix`/`effectiveFrom`: the line's, when valid themselves (null otherwise), for the deck-wide checks. */
  | { readonly ok: false; readonly line: number; readonly errors: readonly FieldError[]; readonly prefix: string | null; readonly effectiveFrom: string | null };

export function intervalColumn(intervalNumber: number, field: IntervalField): string {
  return `interval${intervalNumber}_${GROUP_SUFFIXES[field]}`;
}

/** The header record (line 1, or the first non-blank line). */
export function parseDeckHeader(fields: readonly string[]): Parsed<DeckColumns> {
  const errors: FieldError[] = [];
  const index = new Map<string, number>();
  const known = new Set<string>([...REQUIRED, ...OPTIONAL]);
  for (let n = 2; n <= MAX_INTERVALS_PER_ROW; n += 1) for (const field of GROUP_FIELDS) known.add(intervalColumn(n, field));
  for (const [position, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) errors.push({ field: raw, message: `unknown column (expected ${[...REQUIRED, ...OPTIONAL].join(', ')}, interval2_start_second …)` });
    else if (index.has(name)) errors.push({ field: name, message: 'column appears twice' });
    else index.set(name, position);
  }
  for (const name of REQUIRED) if (!index.has(name)) errors.push({ field: name, message: 'required column is missing' });
  let extraIntervals = 0;
  for (let n = 2; n <= MAX_INTERVALS_PER_ROW; n += 1) {
    const present = GROUP_FIELDS.filter((field) => index.has(intervalColumn(n, field)));
    if (present.length === 0) continue;
    if (present.length < GROUP_FIELDS.length) {
      for (const field of GROUP_FIELDS) if (!index.has(intervalColumn(n, field))) errors.push({ field: intervalColumn(n, field), message: `interval ${n} needs all three columns` });
    }
    if (n !== extraIntervals + 2) errors.push({ field: intervalColumn(n, 'startSecond'), message: `interval ${n} without interval ${n - 1}` });
    extraIntervals = n - 1;
  }
  return errors.length > 0 ? failed(errors) : ok({ count: fields.length, index, extraIntervals });
}

/** One data record of the deck → a rate row with the line, or every error of that line. */
export function parseDeckRecord(columns: DeckColumns, record: CsvRecord): DeckRowResult {
  if (!record.ok) return { ok: false, line: record.line, errors: [{ field: 'line', message: record.error }], prefix: null, effectiveFrom: null };
  const { line, fields } = record;
  if (fields.length !== columns.count) return { ok: false, line, errors: [{ field: 'line', message: `expected ${columns.count} fields like the header, got ${fields.length}` }], prefix: null, effectiveFrom: null };
  const cell = (name: string) => {
    const position = columns.index.get(name);
    return position === undefined ? undefined : (fields[position] ?? '').trim();
  };
  const errors: FieldError[] = [];
  const intervals: RawInterval[] = [{ startSecond: 0, ratePerMinute: cell('rate_per_minute'), incrementSeconds: cell('increment_seconds') }];
  let groupsEnded = false;
  for (let n = 2; n <= columns.extraIntervals + 1; n += 1) {
    const values = GROUP_FIELDS.map((field) => cell(intervalColumn(n, field)) ?? '');
    if (values.every((value) => value === '')) {
      groupsEnded = true;
      continue;
    }
    if (groupsEnded) errors.push({ field: intervalColumn(n, 'startSecond'), message: `interval ${n} without interval ${n - 1}` });
    const [startSecond, ratePerMinute, incrementSeconds] = values;
    intervals.push({ startSecond, ratePerMinute, incrementSeconds });
  }
  const effectiveFromCell = cell('effective_from') ?? '';
  const effectiveFrom = effectiveFromCell === '' ? null : effectiveFromCell;
  const effectiveFromValid = effectiveFrom === null || isIsoInstant(effectiveFrom);
  if (!effectiveFromValid) errors.push({ field: 'effective_from', message: `must be an ISO 8601 instant with an offset, got ${describe(effectiveFrom)}` });
  const validated = validateRateRow(
    { prefix: cell('prefix'), destination: cell('destination'), connectFee: emptyAsZero(cell('connect_fee')), minimumSeconds: emptyAsZero(cell('minimum_seconds')), intervals },
    CSV_NAMES,
  );
  if (!validated.ok) errors.push(...validated.errors);
  if (errors.length > 0 || !validated.ok) {
    const prefix = cell('prefix');
    return { ok: false, line, errors, prefix: isPrefix(prefix) ? prefix : null, effectiveFrom: effectiveFromValid ? effectiveFrom : null };
  }
  return { ok: true, line, row: validated.value, effectiveFrom };
}

function emptyAsZero(value: string | undefined): string {
  return value === undefined || value === '' ? '0' : value;
}

const CSV_NAMES: RowFieldNames = {
  prefix: 'prefix',
  destination: 'destination',
  connectFee: 'connect_fee',
  minimumSeconds: 'minimum_seconds',
  intervals: 'intervals',
  interval: (index, field) => (index === 0 ? (field === 'ratePerMinute' ? 'rate_per_minute' : field === 'incrementSeconds' ? 'increment_seconds' : 'start_second') : intervalColumn(index + 1, field)),
};
