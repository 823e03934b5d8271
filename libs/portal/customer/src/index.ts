// The customer area's routes, registered under the shell's /customer layout. Keep this file light:
// it is part of the first load (route paths, search validation, nav); pages and translations
// are lazy chunks (import()), so the login page does not load them.
import type { RoleArea } from '@billing/portal-ui';
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { validateCallSearch } from './calls/call-search.js';
import { customerLanguage } from './shared/account-language.js';

export const customerArea: RoleArea = {
  namespace: 'customer',
  loadTranslations: async () => ({ en: (await import('./i18n/en.json')).default, es: (await import('./i18n/es.json')).default }),
  nav: [
    { to: '/customer', labelKey: 'nav.home', icon: '◧', exact: true },
    { to: '/customer/calls', labelKey: 'nav.calls', icon: '☎' },
    { to: '/customer/follow-me', labelKey: 'nav.followMe', icon: '⇶' },
    { to: '/customer/caller-ids', labelKey: 'nav.callerIds', icon: '#' },
    { to: '/customer/rates', labelKey: 'nav.rates', icon: '¤' },
    { to: '/customer/settings', labelKey: 'nav.settings', icon: '⚙' },
  ],
  accountLanguage: customerLanguage,
};

/** The children of the /customer layout route. */
export function customerRoutes<TParent extends AnyRoute>(parent: TParent) {
  const home = createRoute({
    getParentRoute: () => parent,
    path: '/',
    component: lazyRouteComponent(() => import('./pages/HomePage.js'), 'HomePage'),
  });
  const calls = createRoute({
    getParentRoute: () => parent,
    path: 'calls',
    validateSearch: validateCallSearch,
    component: lazyRouteComponent(() => import('./pages/CallsPage.js'), 'CallsPage'),
  });
  const followMe = createRoute({
    getParentRoute: () => parent,
    path: 'follow-me',
    component: lazyRouteComponent(() => import('./pages/FollowMePage.js'), 'FollowMePage'),
  });
  const callerIds = createRoute({
    getParentRoute: () => parent,
    path: 'caller-ids',
    component: lazyRouteComponent(() => import('./pages/CallerIdsPage.js'), 'CallerIdsPage'),
  });
  const rates = createRoute({
    getParentRoute: () => parent,
    path: 'rates',
    component: lazyRouteComponent(() => import('./pages/RatesPage.js'), 'RatesPage'),
  });
  const settings = createRoute({
    getParentRoute: () => parent,
    path: 'settings',
    component: lazyRouteComponent(() => import('./pages/SettingsPage.js'), 'SettingsPage'),
  });
  return [home, calls, followMe, callerIds, rates, settings] as const;
}
