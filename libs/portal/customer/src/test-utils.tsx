// Test helpers: the customer area's English texts in a fresh i18next and Mantine around a component.
import { SessionProvider, SessionStore } from '@billing/portal-session';
import { uiTranslations } from '@billing/portal-ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from './i18n/en.json';
import es from './i18n/es.json';

function instance(lng: 'en' | 'es') {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({ lng, fallbackLng: 'en', resources: { en: { customer: en, ui: uiTranslations.en }, es: { customer: es, ui: uiTranslations.es } }, ns: ['customer', 'ui'], initAsync: false, interpolation: { escapeValue: false } });
  return i18n;
}
const LANGUAGES = { en: instance('en'), es: instance('es') };

export function renderWithUi(element: ReactElement, language: 'en' | 'es' = 'en'): RenderResult {
  return render(
    <I18nextProvider i18n={LANGUAGES[language]}>
      <MantineProvider>{element}</MantineProvider>
    </I18nextProvider>,
  );
}

/** An API answer as problem+json. */
export function problemResponse(status: number, code: string, detail: string, errors?: Array<{ path: string; message: string }>): Response {
  return Response.json({ type: `urn:itc-billing:problem:${code}`, title: code, status, code, detail, ...(errors === undefined ? {} : { errors }) }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/**
 * Renders `element` as customer c-1 logged in, against `api` (an in-test server: the Request in,
 * a Response out); the login and /auth/me are answered here.
 */
export async function renderAsCustomer(element: ReactElement, api: (request: Request) => Promise<Response>, language: 'en' | 'es' = 'en'): Promise<RenderResult> {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/login') return Response.json({ accessToken: 't', tokenType: 'Bearer', expiresInSeconds: 900, role: 'customer', subjectId: 'c-1' });
    if (path === '/api/v1/auth/me') return Response.json({ role: 'customer', subjectId: 'c-1', username: '1000000008' });
    return api(request);
  };
  const store = new SessionStore({ baseUrl: 'http://portal.test', fetch: fetch as typeof globalThis.fetch, readCookies: () => '' });
  await store.login('1000000008', 'pw');
  return renderWithUi(
    <SessionProvider store={store}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{element}</QueryClientProvider>
    </SessionProvider>,
    language,
  );
}
