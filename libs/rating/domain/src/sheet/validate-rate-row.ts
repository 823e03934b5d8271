// One validation for a rate row, whatever it came from (a CSV line, a JSON element): raw values in,
// a RateRow or every field error out. Field names are the caller's (CSV column or JSON path).
import { MAX_DESTINATION_NAME_CHARS, MAX_INCREMENT_SECONDS, MAX_INTERVAL_START_SECONDS, MAX_INTERVALS_PER_ROW, MAX_MINIMUM_SECONDS, MAX_PREFIX_DIGITS, MAX_RATE_MICROS } from '../shared/limits.js';
import { failed, ok, type Parsed } from '../shared/field-error.js';
import { describe, readMoney, readText, readWhole, type Errors } from '../shared/read-field.js';
import { isPrefix, type RateInterval, type RateRow } from './rate-row.js';

export interface RawInterval {
  readonly startSecond: unknown;
  readonly ratePerMinute: unknown;
  readonly incrementSeconds: unknown;
}

export interface RawRateRow {
  readonly prefix: unknown;
  readonly destination: unknown;
  readonly connectFee: unknown;
  readonly minimumSeconds: unknown;
  readonly intervals: readonly RawInterval[];
}

export type IntervalField = keyof RawInterval;

/** How the source names each field in errors. */
export interface RowFieldNames {
  readonly prefix: string;
  readonly destination: string;
  readonly connectFee: string;
  readonly minimumSeconds: string;
  readonly intervals: string;
  interval(index: number, field: IntervalField): string;
}

export function validateRateRow(raw: RawRateRow, names: RowFieldNames): Parsed<RateRow> {
  const errors: Errors = [];
  const prefix = isPrefix(raw.prefix) ? raw.prefix : undefined;
  if (prefix === undefined) errors.push({ field: names.prefix, message: `must be 1 to ${MAX_PREFIX_DIGITS} digits, got ${describe(raw.prefix)}` });
  const destination = readText(raw.destination, names.destination, errors, MAX_DESTINATION_NAME_CHARS);
  const connectFeeMicros = readMoney(raw.connectFee, names.connectFee, errors, MAX_RATE_MICROS);
  const minimumSeconds = readWhole(raw.minimumSeconds, names.minimumSeconds, errors, 0, MAX_MINIMUM_SECONDS);
  const intervals = readIntervals(raw.intervals, names, errors);
  if (errors.length > 0 || prefix === undefined || destination === undefined || connectFeeMicros === undefined || minimumSeconds === undefined || intervals === undefined) {
    return failed(errors);
  }
  return ok({ prefix, destination, connectFeeMicros, minimumSeconds, intervals });
}

function readIntervals(raw: readonly RawInterval[], names: RowFieldNames, errors: Errors): RateInterval[] | undefined {
  if (raw.length < 1 || raw.length > MAX_INTERVALS_PER_ROW) {
    errors.push({ field: names.intervals, message: `must have 1 to ${MAX_INTERVALS_PER_ROW} intervals, got ${raw.length}` });
    return undefined;
  }
  const before = errors.length;
  const intervals: RateInterval[] = [];
  let previousStart: number | undefined;
  for (const [index, interval] of raw.entries()) {
    const field = (key: IntervalField) => names.interval(index, key);
    const startSecond = readWhole(interval.startSecond, field('startSecond'), errors, 0, MAX_INTERVAL_START_SECONDS);
    const ratePerMinuteMicros = readMoney(interval.ratePerMinute, field('ratePerMinute'), errors, MAX_RATE_MICROS);
    const incrementSeconds = readWhole(interval.incrementSeconds, field('incrementSeconds'), errors, 1, MAX_INCREMENT_SECONDS);
    if (startSecond !== undefined) {
      if (index === 0 && startSecond !== 0) errors.push({ field: field('startSecond'), message: 'the first interval must start at second 0' });
      if (previousStart !== undefined && startSecond <= previousStart) {
        errors.push({ field: field('startSecond'), message: `must be after the previous interval's start (${previousStart})` });
      }
      previousStart = startSecond;
    }
    if (startSecond !== undefined && ratePerMinuteMicros !== undefined && incrementSeconds !== undefined) intervals.push({ startSecond, ratePerMinuteMicros, incrementSeconds });
  }
  return errors.length === before ? intervals : undefined;
}
