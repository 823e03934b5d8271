// The admin area's routes, registered under the shell's /admin layout. Keep this file light:
// it is part of the first load (route paths, search validation, nav); pages and translations
// are lazy chunks (import()), so the login page does not load them.
//
// Two people build the admin pages: each adds its nav items and routes here with a small edit
// (dashboard, agents, notifications, audit | sheets, profiles, customers, calls), and its
// translations to translations.ts (one i18n folder per page folder).
import type { RoleArea } from '@billing/portal-ui';
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { validateAgentsSearch } from './agents/search.js';
import { validateUnratedSearch } from './calls/search.js';
import { validateCustomerSearch, validateCustomersSearch } from './customers/search.js';
import { validateNotificationsSearch } from './notifications/search.js';
import { validateSheetImportSearch, validateSheetSearch } from './sheets/search.js';

export const adminArea: RoleArea = {
  namespace: 'admin',
  loadTranslations: async () => (await import('./translations.js')).adminTranslations,
  nav: [
    { to: '/admin', labelKey: 'dashboard.nav', icon: '◧', exact: true },
    { to: '/admin/agents', labelKey: 'agents.nav', icon: '♟' },
    { to: '/admin/sheets', labelKey: 'sheets.nav', icon: '₰' },
    { to: '/admin/profiles', labelKey: 'profiles.nav', icon: '▤' },
    { to: '/admin/customers', labelKey: 'customers.nav', icon: '☰' },
    { to: '/admin/calls/unrated', labelKey: 'calls.nav', icon: '⚠' },
    { to: '/admin/notifications', labelKey: 'notifications.nav', icon: '✉' },
    { to: '/admin/audit', labelKey: 'audit.nav', icon: '✓' },
  ],
};

/** The children of the /admin layout route. */
export function adminRoutes<TParent extends AnyRoute>(parent: TParent) {
  const dashboard = createRoute({
    getParentRoute: () => parent,
    path: '/',
    component: lazyRouteComponent(() => import('./dashboard/DashboardPage.js'), 'DashboardPage'),
  });
  return [dashboard, ...adminRoutesA(parent), ...adminRoutesB(parent)] as const;
}

/** Agents, notifications and audit (pages in their folders). */
function adminRoutesA<TParent extends AnyRoute>(parent: TParent) {
  const getParentRoute = () => parent;
  return [
    createRoute({ getParentRoute, path: 'agents', validateSearch: validateAgentsSearch, component: lazyRouteComponent(() => import('./agents/AgentsPage.js'), 'AgentsPage') }),
    createRoute({ getParentRoute, path: 'agents/$agentId', component: lazyRouteComponent(() => import('./agents/AgentPage.js'), 'AgentPage') }),
    createRoute({ getParentRoute, path: 'notifications', validateSearch: validateNotificationsSearch, component: lazyRouteComponent(() => import('./notifications/NotificationsPage.js'), 'NotificationsPage') }),
    createRoute({ getParentRoute, path: 'audit', component: lazyRouteComponent(() => import('./audit/AuditPage.js'), 'AuditPage') }),
  ] as const;
}

/** Rate sheets, profiles, customers and unrated calls (pages in their folders). */
function adminRoutesB<TParent extends AnyRoute>(parent: TParent) {
  const getParentRoute = () => parent;
  return [
    createRoute({ getParentRoute, path: 'sheets', component: lazyRouteComponent(() => import('./sheets/SheetsPage.js'), 'SheetsPage') }),
    createRoute({ getParentRoute, path: 'sheets/import', validateSearch: validateSheetImportSearch, component: lazyRouteComponent(() => import('./sheets/SheetImportPage.js'), 'SheetImportPage') }),
    createRoute({ getParentRoute, path: 'sheets/$sheetId', validateSearch: validateSheetSearch, component: lazyRouteComponent(() => import('./sheets/SheetPage.js'), 'SheetPage') }),
    createRoute({ getParentRoute, path: 'profiles', component: lazyRouteComponent(() => import('./profiles/ProfilesPage.js'), 'ProfilesPage') }),
    createRoute({ getParentRoute, path: 'customers', validateSearch: validateCustomersSearch, component: lazyRouteComponent(() => import('./customers/CustomersPage.js'), 'CustomersPage') }),
    createRoute({ getParentRoute, path: 'customers/$customerId', validateSearch: validateCustomerSearch, component: lazyRouteComponent(() => import('./customers/CustomerPage.js'), 'CustomerPage') }),
    createRoute({ getParentRoute, path: 'calls/unrated', validateSearch: validateUnratedSearch, component: lazyRouteComponent(() => import('./calls/UnratedCallsPage.js'), 'UnratedCallsPage') }),
  ] as const;
}
