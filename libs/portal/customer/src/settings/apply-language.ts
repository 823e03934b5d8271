import type { i18n as I18n } from 'i18next';

// The shell keeps the person's language under this key (apps/portal/src/i18n/i18n.ts): the same
// key here, so the language saved on the account is also the one the portal opens in next time.
const STORAGE_KEY = 'itc-billing.language';

/** Switches the portal to `language` (en/es) and remembers it on this browser. */
export async function applyLanguage(i18n: I18n, language: string): Promise<void> {
  if (language !== 'en' && language !== 'es') return;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page.
  }
  await i18n.changeLanguage(language);
}
