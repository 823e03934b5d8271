import { useTranslation } from 'react-i18next';

/** An API instant in the page's language and the browser's time zone. */
export function DateTime({ at }: { at: string | null }) {
  const { i18n } = useTranslation();
  if (at === null) return <>—</>;
  const date = new Date(at);
  return <time dateTime={at}>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(date)}</time>;
}
