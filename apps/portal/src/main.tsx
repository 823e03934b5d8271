import '@mantine/core/styles.css';
import { SessionStore, ProblemError } from '@billing/portal-session';
import { uiTranslations, useLocalisedTheme } from '@billing/portal-ui';
import { MantineProvider } from '@mantine/core';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import en from './i18n/en.json';
import es from './i18n/es.json';
import { initI18n } from './i18n/i18n.js';
import { cssVariablesResolver, theme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not change by asking again; network and 5xx errors get two more tries.
      retry: (failures, error) => !(error instanceof ProblemError && error.problem.status >= 400 && error.problem.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});
const session = new SessionStore();

// the session cookie (if any) is tried before the first route is chosen, so a reload stays on its page.
await Promise.all([initI18n([{ namespace: 'shell', en, es }, uiTranslations]), session.boot()]);

/** Mantine with the theme and its components' own texts in the portal language (they follow a language switch). */
function Root() {
  return (
    <MantineProvider theme={useLocalisedTheme(theme)} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <App session={session} queryClient={queryClient} />
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
