// Pure: the markup % as typed → what is sent, and whether an API problem is about the markup.
import { compareMoney, parseMoneyInput, problemOf } from '@billing/portal-ui';

/** "12.5" (es "12,5", the page language's mark) → "12.5"; null unless a percentage from 0 to 1000 with at most 6 decimals (the API's bounds). */
export function parseMarkup(text: string, locale = 'en'): string | null {
  const markup = parseMoneyInput(text, locale);
  return markup === null || compareMoney(markup, '1000') > 0 ? null : markup;
}

/** The problem is about the markup: a field error at markupPercent, or 422 invalid_markup (which names no field). */
export function isMarkupProblem(error: unknown, fields: Record<string, string>): boolean {
  return fields['markupPercent'] !== undefined || problemOf(error)?.code === 'invalid_markup';
}
