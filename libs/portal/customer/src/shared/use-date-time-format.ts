import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** An API instant → a date and time in the browser's time zone and the page's language. */
export function useDateTimeFormat(): (instant: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
    return (instant: string) => format.format(new Date(instant));
  }, [i18n.language]);
}
