import { ProblemError } from '@billing/portal-session';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { loginErrorText } from './login-error';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { shell: en }, es: { shell: es } }, defaultNS: 'shell', interpolation: { escapeValue: false } });
});
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});
const problem = (status: number, code: string, detail?: string) => ({ type: `urn:itc-billing:problem:${code}`, title: code, status, code, ...(detail === undefined ? {} : { detail }) });

describe('loginErrorText', () => {
  it('says how long to wait from Retry-After', () => {
    expect(loginErrorText(new ProblemError(problem(429, 'too_many_login_attempts', 'Too many failed password checks; try again in 42 s.'), 42), t)).toBe('Too many failed attempts. Try again in 42 s.');
  });

  it('speaks the page language for the login codes and shows any other problem as its detail', async () => {
    await i18n.changeLanguage('es');
    expect(loginErrorText(new ProblemError(problem(401, 'invalid_credentials', 'Wrong username or password.')), t)).toBe('Usuario o contraseña incorrectos.');
    expect(loginErrorText(new ProblemError(problem(400, 'validation', 'username: must be at most 128 characters long')), t)).toBe('username: must be at most 128 characters long');
    expect(loginErrorText(new ProblemError(problem(503, 'unavailable')), t)).toBe('unavailable');
    await i18n.changeLanguage('en');
  });
});
