// Programming errors (wrong type, overflow) are asserted and thrown, never clamped: they are bugs,
// not user input, so they are TypeError/RangeError rather than MoneyFormatError.
import { MAX_MONEY_MICROS } from './constants.js';

/** Asserts a bigint within ±MAX_MONEY_MICROS; catches a `number` that slipped in and overflow. */
export function assertMicros(value: unknown, what = 'money'): asserts value is bigint {
  if (typeof value !== 'bigint') {
    throw new TypeError(`${what} must be a bigint of micro-units, got ${typeof value}`);
  }
  if (value > MAX_MONEY_MICROS || value < -MAX_MONEY_MICROS) {
    throw new RangeError(`${what} is out of range (more than 18 integer digits): ${value} micros`);
  }
}

/** Asserts a small non-negative integer count such as a number of fraction digits. */
export function assertDigits(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} must be an integer from 0 to ${max}, got ${String(value)}`);
  }
}
