// Money on the wire is a decimal string ("12.5", "-0.000125"). The browser never turns it into a
// float: these helpers work on the digits as text and compare via bigint micro-units.

/** Amounts the API sends: optional minus, digits, up to 6 decimals. */
const WIRE_AMOUNT = /^(-)?(\d+)(?:\.(\d{1,6}))?$/;

export const MONEY_DECIMALS = 6;

interface AmountParts {
  negative: boolean;
  /** integer digits without leading zeros ("0" for zero). */
  integer: string;
  /** fraction digits without trailing zeros (may be empty). */
  fraction: string;
}

function amountParts(amount: string): AmountParts | null {
  const match = WIRE_AMOUNT.exec(amount.trim());
  if (match === null) return null;
  const integer = match[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const zero = integer === '0' && fraction === '';
  return { negative: match[1] === '-' && !zero, integer, fraction };
}

/** `"12.500"` → `"12.5"`; null when the text is not a decimal amount. */
export function normaliseMoney(amount: string): string | null {
  const parts = amountParts(amount);
  if (parts === null) return null;
  return `${parts.negative ? '-' : ''}${parts.integer}${parts.fraction === '' ? '' : `.${parts.fraction}`}`;
}

/** The marks a language writes numbers with: en `1,234.5`, es `1.234,5`. */
export interface NumberMarks {
  decimal: string;
  group: string;
}

/** The decimal and grouping marks of `locale`, as Intl writes them (`"es"` → `,` and `.`). */
export function numberMarks(locale: string): NumberMarks {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.5);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a person typed in the portal's language → the normalised non-negative amount, or null
 * when it is not one. The decimal mark is the language's (en `1.5`, es `1,5`); the other mark is
 * read as grouping only where it groups (en `1,000` and `1,234.5`; es `1.000,5`) and makes the
 * text no amount elsewhere (en `1,5`, es `1.5`): a mark is never taken for the other one, so
 * `1,000` is never 1.00 and `1,5` never 1.50 in English. `.5` is 0.5; a sign, letters or a 7th
 * decimal are no amount.
 */
export function parseMoneyInput(text: string, locale = 'en'): string | null {
  const { decimal, group } = numberMarks(locale);
  // a space-like group mark (fr "1 234,5") is typed as a plain space too
  const groups = /^\s$/u.test(group) ? `[${escapeRegExp(group)} ]` : escapeRegExp(group);
  const typed = new RegExp(`^(\\d{1,3}(?:${groups}\\d{3})+|\\d*)(?:${escapeRegExp(decimal)}(\\d{0,${MONEY_DECIMALS}}))?$`, 'u');
  const match = typed.exec(text.trim());
  if (match === null) return null;
  const integer = (match[1] ?? '').replace(/\D/g, '');
  const fraction = match[2] ?? '';
  if (integer === '' && fraction === '') return null;
  return normaliseMoney(`${integer === '' ? '0' : integer}${fraction === '' ? '' : `.${fraction}`}`);
}

/** A normalised amount as a person types it in `locale`, without grouping: `"1.5"`, `"es"` → `"1,5"`. */
export function moneyInputText(amount: string, locale = 'en'): string {
  return amount.replace('.', numberMarks(locale).decimal);
}

/** A decimal amount as bigint micro-units (exact); throws on a non-amount. */
export function toMicroUnits(amount: string): bigint {
  const parts = amountParts(amount);
  if (parts === null) throw new RangeError(`not a decimal amount: ${JSON.stringify(amount)}`);
  const micro = BigInt(parts.integer + parts.fraction.padEnd(MONEY_DECIMALS, '0'));
  return parts.negative ? -micro : micro;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b` (exact, for sorting and checks). */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const difference = toMicroUnits(a) - toMicroUnits(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export interface FormatMoneyOptions {
  /** fewest decimals shown (default: the currency's own, e.g. 2 for USD, 0 for JPY). */
  minimumFractionDigits?: number;
}

/**
 * `formatMoney("-1234567.5", "USD", "en")` → `"-$1,234,567.50"`. The locale decides the symbol,
 * its place and the separators (read from Intl with a sample number); the amount's own digits are
 * grouped as text, so no precision is lost and every decimal the amount carries is shown.
 */
export function formatMoney(amount: string, currency: string, locale: string, options: FormatMoneyOptions = {}): string {
  const parts = amountParts(amount);
  if (parts === null) return amount;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const minimumFraction = options.minimumFractionDigits ?? format.resolvedOptions().minimumFractionDigits ?? 2;
  const fraction = parts.fraction.padEnd(minimumFraction, '0');
  // A sample with a sign, groups and a fraction shows where each piece goes in this locale.
  const sample = format.formatToParts(-1234567.5);
  const group = sample.find((p) => p.type === 'group')?.value ?? '';
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const groupsFourDigits = format.formatToParts(1234).some((p) => p.type === 'group');
  const integer = groupsFourDigits || parts.integer.length > 4 ? groupDigits(parts.integer, group) : parts.integer;
  let text = '';
  let integerWritten = false;
  for (const part of sample) {
    switch (part.type) {
      case 'minusSign':
        if (parts.negative) text += part.value;
        break;
      case 'integer':
        if (!integerWritten) text += integer;
        integerWritten = true;
        break;
      case 'group':
        break;
      case 'decimal':
        if (fraction !== '') text += decimal;
        break;
      case 'fraction':
        text += fraction;
        break;
      default:
        text += part.value;
    }
  }
  if (!sample.some((p) => p.type === 'decimal') && fraction !== '') text = text.replace(integer, `${integer}${decimal}${fraction}`);
  return text;
}

/** `"1234567"`, `","` → `"1,234,567"`. */
export function groupDigits(digits: string, separator: string): string {
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = digits.slice(start, end) + (grouped === '' ? '' : separator + grouped);
  }
  return grouped;
}
