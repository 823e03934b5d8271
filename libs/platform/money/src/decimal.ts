// The one decimal grammar shared by money and percentages: both are 6-fraction-digit fixed point.
import { MICROS_PER_UNIT, MONEY_FRACTION_DIGITS, MONEY_MAX_INTEGER_DIGITS } from './constants.js';
import { describeInput, MoneyFormatError } from './money-format-error.js';

// Deliberately loose so that the specific mistakes below get a specific message; [0-9] (not \d
// with the u flag) so that only ASCII digits count.
const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;
const EXAMPLE = 'a decimal string like "12.50"';

/**
 * Parses `-?digits(.digits)?` into micro-units, exactly. Rejects (MoneyFormatError) anything else:
 * non-strings (a JSON number has already been through a float), whitespace, `+`, exponents,
 * `NaN`/`Infinity`, `,` as separator, `.5`, `5.`, leading zeros (`007`: ambiguous, often an id),
 * more than 6 fraction digits (would need rounding, which is the caller's decision) and more than
 * 18 integer digits. `-0` and `-0.00` are zero.
 */
export function parseDecimalMicros(input: unknown, field: string): bigint {
  if (typeof input !== 'string') throw new MoneyFormatError(`must be ${EXAMPLE}, got ${describeInput(input)}`, field);
  const match = DECIMAL.exec(input);
  if (match === null) throw new MoneyFormatError(`must be ${EXAMPLE}, got ${describeInput(input)}`, field);
  const [, sign = '', integerDigits = '', fractionDigits = ''] = match;
  if (integerDigits.length > 1 && integerDigits.startsWith('0')) {
    throw new MoneyFormatError(`must not have leading zeros, got ${describeInput(input)}`, field);
  }
  if (integerDigits.length > MONEY_MAX_INTEGER_DIGITS) {
    throw new MoneyFormatError(`must have at most ${MONEY_MAX_INTEGER_DIGITS} integer digits, got ${describeInput(input)}`, field);
  }
  if (fractionDigits.length > MONEY_FRACTION_DIGITS) {
    throw new MoneyFormatError(`must have at most ${MONEY_FRACTION_DIGITS} decimal places, got ${describeInput(input)}`, field);
  }
  const magnitude = BigInt(integerDigits) * MICROS_PER_UNIT + BigInt(fractionDigits.padEnd(MONEY_FRACTION_DIGITS, '0'));
  return sign === '-' ? -magnitude : magnitude;
}

/** Canonical form: no `+`, no trailing fraction zeros, no trailing dot, zero is `0` (never `-0`). */
export function formatDecimalMicros(micros: bigint): string {
  const { sign, integer, fraction } = splitMicros(micros);
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed === '' ? `${sign}${integer}` : `${sign}${integer}.${trimmed}`;
}

/** Sign, integer part and the 6 fraction digits (zero-padded) of a micro amount. */
export function splitMicros(micros: bigint): { sign: '' | '-'; integer: string; fraction: string } {
  const magnitude = micros < 0n ? -micros : micros;
  return {
    sign: micros < 0n ? '-' : '',
    integer: (magnitude / MICROS_PER_UNIT).toString(),
    fraction: (magnitude % MICROS_PER_UNIT).toString().padStart(MONEY_FRACTION_DIGITS, '0'),
  };
}
