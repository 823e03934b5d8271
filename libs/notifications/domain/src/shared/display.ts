// How amounts and instants read in an e-mail. Amounts arrive as wire decimal strings; they are
// shown with at least two decimals and never rounded (a sub-cent balance shows all its digits).
import { formatMoney, formatMoneyFixed, parseMoney } from '@billing/money';

const MICROS_PER_CENT = 10_000n;
const DECIMAL_COMMA = new Set(['es', 'pt', 'fr', 'de', 'it']);

export function displayMoney(decimal: string, language: string): string {
  const micros = parseMoney(decimal);
  const text = micros % MICROS_PER_CENT === 0n ? formatMoneyFixed(micros, 2) : formatMoney(micros);
  return DECIMAL_COMMA.has(language) ? text.replace('.', ',') : text;
}

/** `2026-11-25T17:52:18.123Z` → `2026-11-25 17:52 UTC` (same in every language: unambiguous). */
export function displayInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: "${iso}"`);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
