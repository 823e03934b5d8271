// The admin area's routes, registered under the shell's /admin layout. Keep this file light:
// it is part of the first load (route paths, search validation, nav); pages and translations
// are lazy chunks (import()), so the login page does not load them.
//
// Two people build the admin pages: each adds its nav items and routes here with a small edit
// (dashboard, agents, notifications, audit | sheets, profiles, customers, calls), and its
// translations to translations.ts (one i18n folder per page folder).
import type { RoleArea } from '@billing/portal-ui';
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export const adminArea: RoleArea = {
  namespace: 'admin',
  loadTranslations: async () => (await import('./translations.js')).adminTranslations,
  nav: [{ to: '/admin', labelKey: 'dashboard.nav', icon: '◧', exact: true }],
};

/** The children of the /admin layout route. */
export function adminRoutes<TParent extends AnyRoute>(parent: TParent) {
  const dashboard = createRoute({
    getParentRoute: () => parent,
    path: '/',
    component: lazyRouteComponent(() => import('./pages/HomePage.js'), 'HomePage'),
  });
  return [dashboard] as const;
}
