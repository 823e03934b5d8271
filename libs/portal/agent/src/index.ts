// The agent area's routes, registered under the shell's /agent layout. Keep this file light:
// it is part of the first load (route paths, search validation, nav); pages and translations
// are lazy chunks (import()), so the login page does not load them.
import type { RoleArea } from '@billing/portal-ui';
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { validateCustomerSearch, validateCustomersSearch } from './search.js';

export const agentArea: RoleArea = {
  namespace: 'agent',
  loadTranslations: async () => ({ en: (await import('./i18n/en.json')).default, es: (await import('./i18n/es.json')).default }),
  nav: [
    { to: '/agent', labelKey: 'nav.home', icon: '◧', exact: true },
    { to: '/agent/customers', labelKey: 'nav.customers', icon: '☰' },
    { to: '/agent/profiles', labelKey: 'nav.profiles', icon: '▤' },
    { to: '/agent/sheets', labelKey: 'nav.sheets', icon: '%' },
    { to: '/agent/ledger', labelKey: 'nav.ledger', icon: '≡' },
  ],
};

/** The children of the /agent layout route. */
export function agentRoutes<TParent extends AnyRoute>(parent: TParent) {
  const home = createRoute({
    getParentRoute: () => parent,
    path: '/',
    component: lazyRouteComponent(() => import('./pages/HomePage.js'), 'HomePage'),
  });
  const customers = createRoute({
    getParentRoute: () => parent,
    path: 'customers',
    validateSearch: validateCustomersSearch,
    component: lazyRouteComponent(() => import('./pages/CustomersPage.js'), 'CustomersPage'),
  });
  const customer = createRoute({
    getParentRoute: () => parent,
    path: 'customers/$customerId',
    validateSearch: validateCustomerSearch,
    component: lazyRouteComponent(() => import('./pages/CustomerPage.js'), 'CustomerPage'),
  });
  const profiles = createRoute({
    getParentRoute: () => parent,
    path: 'profiles',
    component: lazyRouteComponent(() => import('./pages/ProfilesPage.js'), 'ProfilesPage'),
  });
  const sheets = createRoute({
    getParentRoute: () => parent,
    path: 'sheets',
    component: lazyRouteComponent(() => import('./pages/SheetsPage.js'), 'SheetsPage'),
  });
  const ledger = createRoute({
    getParentRoute: () => parent,
    path: 'ledger',
    component: lazyRouteComponent(() => import('./pages/LedgerPage.js'), 'LedgerPage'),
  });
  return [home, customers, customer, profiles, sheets, ledger] as const;
}
