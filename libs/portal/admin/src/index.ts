// The admin area's routes, registered under the shell's /admin layout. Keep this file light:
// it is part of the first load (route paths, search validation, nav); pages and translations
// are lazy chunks (import()), so the login page does not load them.
import type { RoleArea } from '@billing/portal-ui';
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export const adminArea: RoleArea = {
  namespace: 'admin',
  loadTranslations: async () => ({ en: (await import('./i18n/en.json')).default, es: (await import('./i18n/es.json')).default }),
  nav: [{ to: '/admin', labelKey: 'nav.home', icon: '◧', exact: true }],
};

/** The children of the /admin layout route. */
export function adminRoutes<TParent extends AnyRoute>(parent: TParent) {
  const home = createRoute({
    getParentRoute: () => parent,
    path: '/',
    component: lazyRouteComponent(() => import('./pages/HomePage.js'), 'HomePage'),
  });
  return [home] as const;
}
