// Decimal strings that are not money (ASR "100.00", minutes "5.00", a commission "12.5") in the
// page's language: the locale's decimal separator and grouping, the digits kept as text.
import { groupDigits } from '@billing/portal-ui';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function formatDecimal(text: string, locale: string): string {
  const match = DECIMAL.exec(text.trim());
  if (match === null) return text;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  // like the money helpers: a four-digit integer is grouped only where the locale does so
  const groupsFour = new Intl.NumberFormat(locale).formatToParts(1234).some((part) => part.type === 'group');
  const integer = groupsFour || match[2]!.length > 4 ? groupDigits(match[2]!, group) : match[2]!;
  return `${match[1]}${integer}${match[3] === undefined ? '' : `${decimal}${match[3]}`}`;
}
