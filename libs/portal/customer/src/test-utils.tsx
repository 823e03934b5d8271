// Test helpers: the customer area's English texts in a fresh i18next and Mantine around a component.
import { uiTranslations } from '@billing/portal-ui';
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from './i18n/en.json';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { customer: en, ui: uiTranslations.en } }, ns: ['customer', 'ui'], initAsync: false, interpolation: { escapeValue: false } });

export function renderWithUi(element: ReactElement): RenderResult {
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{element}</MantineProvider>
    </I18nextProvider>,
  );
}
