// i18next with English and Spanish. The language is the person's choice (kept in localStorage: not
// a secret), else the browser's first supported one (navigator.languages), else English.
import type { AreaTranslations } from '@billing/portal-ui';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
const STORAGE_KEY = 'itc-billing.language';
// set when the person picks a language in this browser session: the account's language then does not override it
const CHOSEN_KEY = 'itc-billing.language-chosen';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage disabled: fall back to the browser's languages.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The person's pick (the language menu): kept on this browser, and above the account's language for this session. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    sessionStorage.setItem(CHOSEN_KEY, '1');
  } catch {
    // storage disabled: the pick still holds for this page.
  }
  await rememberLanguage(language);
}

/**
 * After login: the language saved on the account (customer settings, e.g. set on another device;
 * `es-MX` → es) unless the person picked one in this browser session; one the portal lacks is ignored.
 */
export async function adoptAccountLanguage(tag: string): Promise<void> {
  const language = tag.slice(0, 2).toLowerCase();
  let chosen = false;
  try {
    chosen = sessionStorage.getItem(CHOSEN_KEY) !== null;
  } catch {
    // storage disabled: nothing was kept, so nothing was chosen before this page.
  }
  if (!chosen && isLanguage(language) && language !== i18next.language) await rememberLanguage(language);
}

async function rememberLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the choice lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

/** Every area's keys under its own namespace (shell, ui, admin, agent, customer). */
export async function initI18n(areas: readonly AreaTranslations[]): Promise<void> {
  const resources: Record<Language, Record<string, Record<string, unknown>>> = { en: {}, es: {} };
  for (const area of areas) {
    resources.en[area.namespace] = area.en;
    resources.es[area.namespace] = area.es;
  }
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    lng: detectLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: areas.map((area) => area.namespace),
    defaultNS: 'shell',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}
