// A rate row and a sheet's rounding rule (docs/rating.md), in code units: money in micro-units, time in
// whole seconds. Rows are plain frozen data so a 200k-row version can be shared by every request.
import { invariant } from '@billing/decider';
import { isRoundingMode, MONEY_FRACTION_DIGITS, type RoundingMode } from '@billing/money';
import {
  MAX_INCREMENT_SECONDS,
  MAX_INTERVAL_START_SECONDS,
  MAX_INTERVALS_PER_ROW,
  MAX_MINIMUM_SECONDS,
  MAX_PREFIX_DIGITS,
  MAX_DERIVED_RATE_MICROS,
} from '../shared/limits.js';

export interface RateInterval {
  /** the second of the call (after the minimum is applied) from which this interval's rate applies; the first is 0. */
  readonly startSecond: number;
  readonly ratePerMinuteMicros: bigint;
  /** the block size: a started block is billed whole. */
  readonly incrementSeconds: number;
}

export interface RateRow {
  /** 1..16 digits, matched against normalised destination numbers by longest prefix. */
  readonly prefix: string;
  /** the destination's name, e.g. "United Kingdom - London". */
  readonly destination: string;
  readonly connectFeeMicros: bigint;
  readonly minimumSeconds: number;
  /** at least one; the first starts at 0, starts strictly increase. */
  readonly intervals: readonly RateInterval[];
}

/** How a call's exact cost is rounded, once (docs/rating.md): `decimals` 0..6, default 4, mode default up. */
export interface SheetRounding {
  readonly decimals: number;
  readonly mode: RoundingMode;
}

export const DEFAULT_ROUNDING: SheetRounding = Object.freeze({ decimals: 4, mode: 'up' });

const PREFIX = new RegExp(`^[0-9]{1,${MAX_PREFIX_DIGITS}}$`);

export function isPrefix(text: unknown): text is string {
  return typeof text === 'string' && PREFIX.test(text);
}

/** Rows reach the engine only through validateRateRow; a row that breaks a rule here is a bug. */
export function assertRateRow(row: RateRow): void {
  invariant(isPrefix(row.prefix), `rate row prefix must be 1..${MAX_PREFIX_DIGITS} digits, got "${row.prefix}"`);
  invariant(row.connectFeeMicros >= 0n && row.connectFeeMicros <= MAX_DERIVED_RATE_MICROS, `rate row ${row.prefix}: connect fee out of range`);
  invariant(isWholeIn(row.minimumSeconds, 0, MAX_MINIMUM_SECONDS), `rate row ${row.prefix}: minimum seconds out of range`);
  invariant(row.intervals.length >= 1 && row.intervals.length <= MAX_INTERVALS_PER_ROW, `rate row ${row.prefix}: 1..${MAX_INTERVALS_PER_ROW} intervals`);
  let previousStart = -1;
  for (const [index, interval] of row.intervals.entries()) {
    invariant(index > 0 || interval.startSecond === 0, `rate row ${row.prefix}: the first interval must start at 0`);
    invariant(isWholeIn(interval.startSecond, 0, MAX_INTERVAL_START_SECONDS) && interval.startSecond > previousStart, `rate row ${row.prefix}: interval starts must increase`);
    invariant(isWholeIn(interval.incrementSeconds, 1, MAX_INCREMENT_SECONDS), `rate row ${row.prefix}: increments must be 1..${MAX_INCREMENT_SECONDS} seconds`);
    invariant(interval.ratePerMinuteMicros >= 0n && interval.ratePerMinuteMicros <= MAX_DERIVED_RATE_MICROS, `rate row ${row.prefix}: rate out of range`);
    previousStart = interval.startSecond;
  }
}

export function assertRounding(rounding: SheetRounding): void {
  invariant(isWholeIn(rounding.decimals, 0, MONEY_FRACTION_DIGITS), `rounding decimals must be 0..${MONEY_FRACTION_DIGITS}, got ${rounding.decimals}`);
  invariant(isRoundingMode(rounding.mode), `rounding mode must be up, half-up or down, got ${String(rounding.mode)}`);
}

export function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}
