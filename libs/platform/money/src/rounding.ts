// Integer division with an explicit rounding mode: the single place where money loses precision.
import { describeInput, MoneyFormatError } from './money-format-error.js';

/**
 * How an exact value becomes a representable one. Symmetric around zero, so a refund rounds to
 * exactly minus the charge it reverses:
 * - `up`: away from zero (0.101 → 0.11, -0.101 → -0.11); the rating default, the operator never undercharges.
 * - `down`: toward zero (0.109 → 0.10, -0.109 → -0.10).
 * - `half-up`: to nearest, a tie goes away from zero (0.105 → 0.11, -0.105 → -0.11, 0.104 → 0.10).
 */
export type RoundingMode = 'up' | 'half-up' | 'down';

export const ROUNDING_MODES: readonly RoundingMode[] = ['up', 'half-up', 'down'];

export function isRoundingMode(input: unknown): input is RoundingMode {
  return typeof input === 'string' && (ROUNDING_MODES as readonly string[]).includes(input);
}

export function parseRoundingMode(input: unknown, field = 'mode'): RoundingMode {
  if (isRoundingMode(input)) return input;
  throw new MoneyFormatError(`must be one of "up", "half-up", "down", got ${describeInput(input)}`, field);
}

/** floor(a / b) for any signs; bigint `/` truncates toward zero, which is wrong for negatives. */
export function floorDiv(a: bigint, b: bigint): bigint {
  assertDivisor(b);
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** ceil(a / b) for any signs. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  assertDivisor(b);
  const q = a / b;
  return a % b !== 0n && a < 0n === b < 0n ? q + 1n : q;
}

/** a / b rounded to an integer with `mode` (see RoundingMode for the semantics of each mode). */
export function roundDiv(a: bigint, b: bigint, mode: RoundingMode): bigint {
  assertDivisor(b);
  // Work on magnitudes: every mode is symmetric around zero, so the sign is re-applied at the end.
  const negative = a < 0n !== b < 0n;
  const n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  const truncated = n / d;
  const remainder = n % d;
  const magnitude = remainder === 0n ? truncated : truncated + roundingIncrement(remainder, d, mode);
  return negative ? -magnitude : magnitude;
}

/** 1 if a non-zero remainder `r` of a division by `d` (0 < r < d) rounds the magnitude up. */
function roundingIncrement(r: bigint, d: bigint, mode: RoundingMode): bigint {
  switch (mode) {
    case 'up':
      return 1n;
    case 'down':
      return 0n;
    case 'half-up':
      return 2n * r >= d ? 1n : 0n;
    default:
      return assertNever(mode);
  }
}

function assertDivisor(b: bigint): void {
  if (b === 0n) throw new RangeError('division by zero');
}

function assertNever(mode: never): never {
  throw new TypeError(`unknown rounding mode ${String(mode)}`);
}
