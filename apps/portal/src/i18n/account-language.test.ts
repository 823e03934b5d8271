// The language saved on the account follows the person to another device, unless they picked one here.
import i18next from 'i18next';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adoptAccountLanguage, changeLanguage, initI18n } from './i18n';

beforeAll(async () => {
  localStorage.setItem('itc-billing.language', 'en');
  await initI18n([]);
});
beforeEach(async () => {
  sessionStorage.clear();
  localStorage.setItem('itc-billing.language', 'en');
  await i18next.changeLanguage('en');
});

describe('the account language', () => {
  it('switches the portal after login (a regional tag to its language), also for the next visit', async () => {
    await adoptAccountLanguage('es-MX');
    expect(i18next.language).toBe('es');
    expect(localStorage.getItem('itc-billing.language')).toBe('es');
  });

  it('does not override a language the person picked in this browser session', async () => {
    await changeLanguage('en');
    await adoptAccountLanguage('es');
    expect(i18next.language).toBe('en');
  });

  it('ignores a language the portal does not have', async () => {
    await adoptAccountLanguage('pt-BR');
    expect(i18next.language).toBe('en');
  });
});
