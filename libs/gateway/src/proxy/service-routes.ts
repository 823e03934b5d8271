// Distributed mode: which service process answers which public path (docs/ARCHITECTURE.md, Shape; docs/API.md). The
// gateway answers auth, health, OpenAPI and reports itself and forwards everything else here.
// First match wins; the table is ordered from the most specific path to the broadest.
// /api/v1/internal/* is never forwarded: the services call those routes on each other directly
// (ACCOUNTS_URL, WALLET_URL, RATING_URL), so from outside they are a 404 here.

export const SERVICE_NAMES = ['accounts', 'wallet', 'rating', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The variable that holds each service process's base URL (gateway; rating needs WALLET_URL). */
export const SERVICE_URL_ENV: Readonly<Record<ServiceName, string>> = Object.freeze({
  accounts: 'ACCOUNTS_URL',
  wallet: 'WALLET_URL',
  rating: 'RATING_URL',
  notifications: 'NOTIFICATIONS_URL',
});

export interface ServiceRoute {
  service: ServiceName;
  /** matched against the path without the query string. */
  pattern: RegExp;
}

const API = '^/api/v1';
const ID = '[^/]+';

export const SERVICE_ROUTES: readonly ServiceRoute[] = Object.freeze([
  // rating: the switch's authorization and CDRs, rate sheets, calls and call history, price lists
  { service: 'rating', pattern: new RegExp(`${API}/switch/(authorize|cdrs)(/|$)`) },
  { service: 'rating', pattern: new RegExp(`${API}/rate-sheets(/|$)`) },
  { service: 'rating', pattern: new RegExp(`${API}/calls(/|$)`) },
  { service: 'rating', pattern: new RegExp(`${API}/(customers|agents)/${ID}/(calls|rates)(/|$)`) },
  // wallet (with card payments, which issue wallet commands in its process)
  { service: 'wallet', pattern: new RegExp(`${API}/(customers|agents)/${ID}/(deposits|transactions|balance|overview|commissions|commission-transfers)(/|$)`) },
  { service: 'wallet', pattern: new RegExp(`${API}/(wallet|payments|webhooks)(/|$)`) },
  { service: 'notifications', pattern: new RegExp(`${API}/notifications(/|$)`) },
  // accounts: agents, profiles, customers, portal settings, the softswitch directory
  { service: 'accounts', pattern: new RegExp(`${API}/switch/directory(/|$)`) },
  { service: 'accounts', pattern: new RegExp(`${API}/(agents|customers|customer-profiles)(/|$)`) },
]);

/** The service that answers `path`, or undefined when the gateway answers it itself (or nobody does). */
export function serviceFor(path: string): ServiceName | undefined {
  const bare = path.split('?', 1)[0] ?? path;
  return SERVICE_ROUTES.find((route) => route.pattern.test(bare))?.service;
}
