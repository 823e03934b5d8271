// The one number formatter of the portal for figures that are not money (rates, minutes, counts,
// percentages): the API sends them as decimal strings ("83.333333", "4.88") or integers, and the
// portal shows them in the reader's language without ever going through a float.
import { groupDigits, numberMarks } from './money.js';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export interface FormatDecimalOptions {
  /** round half away from zero to this many decimals (default: keep every decimal given). */
  maximumFractionDigits?: number;
  /** pad with zeros to this many decimals (default 0). */
  minimumFractionDigits?: number;
}

/**
 * `formatDecimal("83.333333", "en", { maximumFractionDigits: 2 })` → `"83.33"`;
 * `formatDecimal("1234.5", "es")` → `"1234,5"` (es groups from five digits, as Intl does);
 * `"100.00"` keeps its two decimals. Rounds on the digits as text (bigint), so `"0.125"` to 2
 * decimals is `"0.13"` exactly. A text that is not a decimal number is returned as it is.
 */
export function formatDecimal(value: string | number | bigint, locale: string, options: FormatDecimalOptions = {}): string {
  const text = String(value);
  const match = DECIMAL.exec(text.trim());
  if (match === null) return text;
  let integer = match[2]!;
  let fraction = match[3] ?? '';
  const minimum = options.minimumFractionDigits ?? 0;
  const maximum = options.maximumFractionDigits;
  if (maximum !== undefined && fraction.length > maximum) {
    const roundUp = fraction[maximum]! >= '5';
    const scaled = BigInt(integer + fraction.slice(0, maximum)) + (roundUp ? 1n : 0n);
    const digits = scaled.toString().padStart(maximum + 1, '0');
    integer = digits.slice(0, digits.length - maximum);
    // a rounded figure drops the zeros rounding left ("83.30" → "83.3"), down to the minimum
    fraction = digits.slice(digits.length - maximum).replace(/0+$/, '');
  }
  fraction = fraction.padEnd(minimum, '0');
  integer = integer.replace(/^0+(?=\d)/, '');
  const negative = match[1] === '-' && /[1-9]/.test(integer + fraction);
  const { decimal, group } = numberMarks(locale);
  const groupsFourDigits = new Intl.NumberFormat(locale).formatToParts(1234).some((p) => p.type === 'group');
  const grouped = groupsFourDigits || integer.length > 4 ? groupDigits(integer, group) : integer;
  return `${negative ? '-' : ''}${grouped}${fraction === '' ? '' : decimal + fraction}`;
}
