// Language of e-mails and the portal: a BCP 47 subset (language[-Script][-REGION]) that covers
// every tag a template set will ship, e.g. "en", "es", "pt-BR", "zh-Hant-TW", "es-419".
const TAG = /^([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|[0-9]{3}))?$/;

/** Canonical case (`EN-us` → `en-US`, `zh-hant` → `zh-Hant`), or null when not such a tag. */
export function normaliseLanguage(input: string): string | null {
  const match = TAG.exec(input.trim());
  if (match === null) return null;
  const [, language = '', script, region] = match;
  const parts = [language.toLowerCase()];
  if (script !== undefined) parts.push(script.charAt(0).toUpperCase() + script.slice(1).toLowerCase());
  if (region !== undefined) parts.push(region.toUpperCase());
  return parts.join('-');
}
