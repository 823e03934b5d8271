// Code-based TanStack routes: /login, / (sends each role home) and one layout per role whose
// children come from the role's library (adminRoutes(parent) …). A layout lets in only its role;
// anyone else is sent to /login?redirect=<the page> or to their own home.
import { adminArea, adminRoutes } from '@billing/portal-admin';
import { agentArea, agentRoutes } from '@billing/portal-agent';
import { customerArea, customerRoutes } from '@billing/portal-customer';
import type { PortalRole, SessionStore } from '@billing/portal-session';
import type { RoleArea } from '@billing/portal-ui';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect, type ParsedLocation } from '@tanstack/react-router';
import { ensureAreaTranslations } from './i18n/areas.js';
import { adoptAccountLanguage } from './i18n/i18n.js';
import { LoginPage } from './login/LoginPage.js';
import { landingPath, safeRedirect } from './redirect-target.js';
import { NotFound } from './shell/NotFound.js';
import { RoleLayout } from './shell/RoleLayout.js';
import { PageError, PageLoader } from './shell/RouteStates.js';

export interface RouterContext {
  session: SessionStore;
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

export interface LoginSearch {
  redirect?: string;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): LoginSearch => {
    const target = safeRedirect(search['redirect']);
    return target === undefined ? {} : { redirect: target };
  },
  beforeLoad: ({ context, search }) => {
    const user = context.session.user;
    if (user !== null) throw redirect({ href: landingPath(user.role, search.redirect) });
  },
  component: LoginPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const user = context.session.user;
    throw redirect({ href: user === null ? '/login' : `/${user.role}` });
  },
});

/** A role layout's guard; also loads the role's translations before its first render. */
function guard(role: PortalRole, area: RoleArea) {
  return async ({ context, location }: { context: RouterContext; location: ParsedLocation }) => {
    const user = context.session.user;
    if (user === null) throw redirect({ to: '/login', search: { redirect: location.href } });
    if (user.role !== role) throw redirect({ href: `/${user.role}` });
    await ensureAreaTranslations(area);
    await followAccountLanguage(context.session, area);
  };
}

// the account whose language was applied: once per login, not on every navigation
let accountLanguageOf: string | null = null;

/** After login, the portal speaks the account's language (adoptAccountLanguage); a failure to read it leaves the language as it is. */
async function followAccountLanguage(session: SessionStore, area: RoleArea): Promise<void> {
  const user = session.user;
  if (area.accountLanguage === undefined || user === null || accountLanguageOf === user.subjectId) return;
  accountLanguageOf = user.subjectId;
  const language = await area.accountLanguage(session).catch(() => null);
  if (language !== null) await adoptAccountLanguage(language);
}

const adminLayout = createRoute({ getParentRoute: () => rootRoute, path: 'admin', beforeLoad: guard('admin', adminArea), component: () => <RoleLayout area={adminArea} /> });
const agentLayout = createRoute({ getParentRoute: () => rootRoute, path: 'agent', beforeLoad: guard('agent', agentArea), component: () => <RoleLayout area={agentArea} /> });
const customerLayout = createRoute({ getParentRoute: () => rootRoute, path: 'customer', beforeLoad: guard('customer', customerArea), component: () => <RoleLayout area={customerArea} /> });

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  adminLayout.addChildren(adminRoutes(adminLayout)),
  agentLayout.addChildren(agentRoutes(agentLayout)),
  customerLayout.addChildren(customerRoutes(customerLayout)),
]);

/**
 * Search values stay the text people type and see (`?q=1000000016`, not the JSON `?q=%221000000016%22`
 * the router writes by default, nor a number it reads back): every filter is text for the pages'
 * validators; only `true`/`false` are flags. The first value of a repeated key wins.
 */
export function parsePortalSearch(searchText: string): Record<string, unknown> {
  const search: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(searchText.startsWith('?') ? searchText.slice(1) : searchText)) {
    if (key in search) continue;
    search[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return search;
}

export function stringifyPortalSearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function createPortalRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    parseSearch: parsePortalSearch,
    stringifySearch: stringifyPortalSearch,
    defaultPreload: 'intent',
    scrollRestoration: true,
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: PageError,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createPortalRouter>;
  }
}
