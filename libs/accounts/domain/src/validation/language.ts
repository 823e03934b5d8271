// Language of e-mails and the portal: a BCP 47 subset (language[-Script][-REGION]), e.g. "en", "es",
// "es-419", "zh-Hant-TW"; what a person may choose now is narrower (spokenLanguage).
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

/**
 * The languages the product speaks: its e-mail templates (notifications: en, es) and the portal
 * (GET /portal/config: en, es). A new choice must be one of them, or a regional form of one ("es-MX");
 * a tag stored before this rule (e.g. "pt-BR") stays valid and gets English e-mails.
 */
export const SPOKEN_LANGUAGES = ['en', 'es'] as const;

/** normaliseLanguage, and only a language the product speaks (else null). */
export function spokenLanguage(input: string): string | null {
  const tag = normaliseLanguage(input);
  const primary = tag?.split('-')[0];
  return primary !== undefined && (SPOKEN_LANGUAGES as readonly string[]).includes(primary) ? tag : null;
}
