// The two cookies of a portal session and the checks of a request that uses them.
// `itc_session`: the session id — httpOnly (no script reads it), SameSite=Strict (no other site's
// page sends it), Path=/api/v1/auth (sent to the auth routes only), Secure over https.
// `itc_csrf`: the session's CSRF token — readable by the portal's script (Path=/), which echoes it
// as X-CSRF-Token: a page of another origin can neither read it nor set that header, so a request
// carrying both is the portal's own (double submit, and the server checks it against the session).
import type { IncomingHttpHeaders } from 'node:http';
import { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
import { SESSION_ABSOLUTE_SECONDS } from './sessions.js';

export const SESSION_COOKIE = 'itc_session';
export const CSRF_COOKIE = 'itc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE_PATH = '/api/v1/auth';

/** The Set-Cookie values that start a session (`secure`: the request came over https). */
export function sessionCookies(sessionId: string, csrfToken: string, secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, sessionId, sessionOptions(SESSION_ABSOLUTE_SECONDS, secure)),
    serializeCookie(CSRF_COOKIE, csrfToken, csrfOptions(SESSION_ABSOLUTE_SECONDS, secure)),
  ];
}

/** The Set-Cookie values that delete both (same name, path and attributes, Max-Age=0). */
export function clearedSessionCookies(secure: boolean): string[] {
  return [serializeCookie(SESSION_COOKIE, '', sessionOptions(0, secure)), serializeCookie(CSRF_COOKIE, '', csrfOptions(0, secure))];
}

const sessionOptions = (maxAgeSeconds: number, secure: boolean): CookieOptions => ({ path: SESSION_COOKIE_PATH, maxAgeSeconds, httpOnly: true, secure, sameSite: 'Strict' });
const csrfOptions = (maxAgeSeconds: number, secure: boolean): CookieOptions => ({ path: '/', maxAgeSeconds, httpOnly: false, secure, sameSite: 'Strict' });

export interface PresentedSession {
  sessionId: string | undefined;
  /** the X-CSRF-Token header, if it equals the itc_csrf cookie; else undefined. */
  csrfToken: string | undefined;
  /** an X-CSRF-Token header was sent (a mismatch with the cookie is then a 403, not a 401). */
  csrfSent: boolean;
}

export function presentedSession(headers: IncomingHttpHeaders): PresentedSession {
  const cookies = parseCookies(headers.cookie);
  const header = headers[CSRF_HEADER];
  const sent = typeof header === 'string' && header !== '' ? header : undefined;
  const cookie = cookies.get(CSRF_COOKIE);
  return { sessionId: cookies.get(SESSION_COOKIE), csrfToken: sent !== undefined && sent === cookie ? sent : undefined, csrfSent: sent !== undefined };
}

/**
 * A request whose Origin header names another host than the one it was sent to (Host, or the
 * X-Forwarded-Host a reverse proxy sets): a cross-site page's request (SameSite already keeps the
 * cookie off it; this refuses it even so). No Origin header (curl) passes: the CSRF token still
 * has to match.
 */
export function isForeignOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true; // `null` (a sandboxed frame, a file) or garbage
  }
  const forwarded = headers['x-forwarded-host'];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return host !== (headers.host ?? '').toLowerCase() && host !== forwardedHost;
}
