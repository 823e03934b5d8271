import type { PortalRole } from '@billing/portal-session';

/** `?redirect=` kept only when it is a path of this site (not `//evil.example` or a full URL). */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : undefined;
}

/** Where a login lands: the page it came from when that page is its role's, else the role's home. */
export function landingPath(role: PortalRole, redirect: string | undefined): string {
  const home = `/${role}`;
  return redirect !== undefined && (redirect === home || redirect.startsWith(`${home}/`) || redirect.startsWith(`${home}?`)) ? redirect : home;
}
