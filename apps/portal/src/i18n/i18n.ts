// i18next with English and Spanish. The language is the person's choice (kept in localStorage: not
// a secret), else the browser's first supported one (navigator.languages), else English.
import type { AreaTranslations } from '@billing/portal-ui';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
const STORAGE_KEY = 'itc-billing.language';

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

export async function changeLanguage(language: Language): Promise<void> {
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
