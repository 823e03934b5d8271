import { useTranslation } from 'react-i18next';
import { formatDecimal } from './decimal.js';

/** formatDecimal in the page's language; null/undefined → "—". */
export function useDecimal(): (text: string | null | undefined, suffix?: string) => string {
  const { i18n } = useTranslation();
  return (text, suffix = '') => (text === null || text === undefined ? '—' : `${formatDecimal(text, i18n.language)}${suffix}`);
}
