import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MoneyText } from './MoneyText';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: {} } });
});

function show(amount: string, colorNegative = true) {
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <MoneyText amount={amount} currency="USD" colorNegative={colorNegative} />
      </MantineProvider>
    </I18nextProvider>,
  );
  return screen.getByText(/\$/);
}

describe('MoneyText', () => {
  // the theme's red text colour: the portal's theme sets it at AA contrast (theme.test.ts); a fixed shade (red.7) is 3.8:1 on white
  it('shows a debt in the theme red text colour', () => {
    const text = show('-12.5');
    expect(text).toHaveTextContent('-$12.50');
    expect(text.getAttribute('style')).toContain('color: var(--mantine-color-red-text)');
  });

  it('leaves zero, a negative zero and credits in the normal text colour', () => {
    for (const amount of ['0', '-0.000', '3.25']) {
      const text = show(amount);
      expect(text.getAttribute('style') ?? '').not.toContain('--mantine-color-red');
      cleanup();
    }
  });

  it('keeps a debt uncoloured unless asked', () => {
    expect(show('-1', false).getAttribute('style') ?? '').not.toContain('--mantine-color-red');
  });
});
