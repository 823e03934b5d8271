// Test helper: renders admin components with Mantine and the admin + ui translations (English).
import { uiTranslations } from '@billing/portal-ui';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { adminTranslations } from '../translations';

// jsdom has no FontFaceSet; Mantine's autosize Textarea (suspend reason, deck text, premium prefixes) listens to it
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined } });

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { admin: adminTranslations.en, ui: uiTranslations.en } }, ns: ['admin', 'ui'], initAsync: false, interpolation: { escapeValue: false } });

export function renderAdmin(element: ReactElement) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{element}</MantineProvider>
    </I18nextProvider>,
  );
}
