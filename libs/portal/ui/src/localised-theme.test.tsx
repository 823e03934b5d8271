import { MantineProvider, PasswordInput, createTheme } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import es from './i18n/es.json';
import { useLocalisedTheme } from './localised-theme';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'es', resources: { en: { ui: en }, es: { ui: es } }, ns: ['ui'] });
});

function Provider({ children }: { children: ReactNode }) {
  return <MantineProvider theme={useLocalisedTheme(createTheme({}))}>{children}</MantineProvider>;
}

describe('useLocalisedTheme', () => {
  it("names every PasswordInput's show/hide button in the portal language (Mantine's own label is English)", () => {
    render(
      <I18nextProvider i18n={i18n}>
        <Provider>
          <PasswordInput label="Contraseña" />
        </Provider>
      </I18nextProvider>,
    );
    expect(screen.getByRole('button', { name: 'Mostrar u ocultar la contraseña', hidden: true })).toBeInTheDocument();
  });
});
