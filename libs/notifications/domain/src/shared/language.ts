// Template language: the account's language tag (BCP 47, e.g. "es-MX") matched on its primary
// subtag against the languages templates exist for; English when there is no match.
export const DEFAULT_LANGUAGE = 'en';

export function chooseLanguage(tag: string | null | undefined, available: readonly string[]): string {
  const primary = (tag ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return available.includes(primary) ? primary : DEFAULT_LANGUAGE;
}
