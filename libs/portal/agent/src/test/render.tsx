// Test helper: agent components with Mantine, TanStack Query, the agent + ui translations
// (English) and a logged-in SessionStore whose fetch is the test's own server.
import { SessionProvider, SessionStore } from '@billing/portal-session';
import { uiTranslations } from '@billing/portal-ui';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../i18n/en.json';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { agent: en, ui: uiTranslations.en } }, ns: ['agent', 'ui'], initAsync: false, interpolation: { escapeValue: false } });

export interface Sent {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: string;
}

/** `route` answers every API call but the session's (the agent `agent-7` is logged in). */
export async function renderAsAgent(element: ReactElement, route: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return Response.json({ accessToken: 'token-1', tokenType: 'Bearer', expiresInSeconds: 900, role: 'agent', subjectId: 'agent-7', csrfToken: 'c' });
    if (url.pathname === '/api/v1/auth/me') return Response.json({ role: 'agent', subjectId: 'agent-7', username: 'acme' });
    if (url.pathname === '/api/v1/portal/config') return Response.json({ currency: 'USD', stripePublishableKey: null, languages: ['en', 'es'], sipRealm: 'localhost' });
    const call = { method: request.method, path: url.pathname + url.search, idempotencyKey: request.headers.get('Idempotency-Key'), body: await request.text() };
    sent.push(call);
    return route(call);
  };
  const store = new SessionStore({ baseUrl: 'http://portal.test', fetch: fetch as typeof globalThis.fetch, readCookies: () => 'itc_csrf=c' });
  await store.boot();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider store={store}>{element}</SessionProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { sent, view };
}

export function problem(status: number, code: string, detail: string, errors?: Array<{ path: string; message: string }>): Response {
  return Response.json({ type: `urn:itc-billing:problem:${code}`, title: code, status, code, detail, ...(errors === undefined ? {} : { errors }) }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}
