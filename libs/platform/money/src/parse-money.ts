// Wire → code: the only way a money string becomes a bigint (docs/ARCHITECTURE.md, Money).
import { parseDecimalMicros } from './decimal.js';
import { describeInput, MoneyFormatError } from './money-format-error.js';

/** A decimal string (`"12.5"`, `"-0.0085"`) → micro-units. See decimal.ts for what is refused. */
export function parseMoney(input: unknown, field = 'amount'): bigint {
  return parseDecimalMicros(input, field);
}

/** As parseMoney, and > 0 (prices, deposits, transfers). */
export function parsePositiveMoney(input: unknown, field = 'amount'): bigint {
  const micros = parseMoney(input, field);
  if (micros <= 0n) throw new MoneyFormatError(`must be greater than 0, got ${describeInput(input)}`, field);
  return micros;
}

/** As parseMoney, and >= 0 (fees, credit limits, where zero means "none"). */
export function parseNonNegativeMoney(input: unknown, field = 'amount'): bigint {
  const micros = parseMoney(input, field);
  if (micros < 0n) throw new MoneyFormatError(`must not be negative, got ${describeInput(input)}`, field);
  return micros;
}
