// The two cookies of a portal session and the checks of a request that uses them.
// `itc_session`: the session id — httpOnly (no script reads it), SameSite=Strict (no other site's
// page sends it), Path=/api/v1/auth (sent to the auth routes only), Secure over https.
// `itc_csrf`: the session's CSRF token — readable by the portal's script (Path=/), which echoes it
// as X-CSRF-Token: a page of another origin can neither read it nor set that header, so a request
// carrying both is the portal's own (double submit, and the server checks it against the session).
// Over https it is `__Host-itc_csrf`: browsers take a `__Host-` cookie only with Secure, Path=/ and
// no Domain, so a sibling subdomain (or a plain-http page of this host) cannot plant one of its own.
// Plain http (http://localhost: npm start, the browser suite) keeps `itc_csrf`, which browsers
// would refuse to store under that prefix without Secure.
import type { IncomingMessage } from 'node:http';
import type { TrustedProxies } from './client-address.js';
import { parseCookies, serializeCookie, type CookieOptions } from './cookies.js';
import { SESSION_ABSOLUTE_SECONDS } from './sessions.js';

export const SESSION_COOKIE = 'itc_session';
export const CSRF_COOKIE = 'itc_csrf';
/** The CSRF cookie's name over https (RFC 6265bis §4.1.3.2). */
export const SECURE_CSRF_COOKIE = `__Host-${CSRF_COOKIE}`;
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE_PATH = '/api/v1/auth';

/** The name the CSRF cookie has on a request over https (`secure`) or plain http. */
export function csrfCookieName(secure: boolean): string {
  return secure ? SECURE_CSRF_COOKIE : CSRF_COOKIE;
}

/** The Set-Cookie values that start a session (`secure`: the request came over https). */
export function sessionCookies(sessionId: string, csrfToken: string, secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, sessionId, sessionOptions(SESSION_ABSOLUTE_SECONDS, secure)),
    serializeCookie(csrfCookieName(secure), csrfToken, csrfOptions(SESSION_ABSOLUTE_SECONDS, secure)),
  ];
}

/** The Set-Cookie values that delete both (same name, path and attributes, Max-Age=0); over https
 *  also an `itc_csrf` set before the `__Host-` name was used. */
export function clearedSessionCookies(secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, '', sessionOptions(0, secure)),
    serializeCookie(csrfCookieName(secure), '', csrfOptions(0, secure)),
    ...(secure ? [serializeCookie(CSRF_COOKIE, '', csrfOptions(0, secure))] : []),
  ];
}

const sessionOptions = (maxAgeSeconds: number, secure: boolean): CookieOptions => ({ path: SESSION_COOKIE_PATH, maxAgeSeconds, httpOnly: true, secure, sameSite: 'Strict' });
const csrfOptions = (maxAgeSeconds: number, secure: boolean): CookieOptions => ({ path: '/', maxAgeSeconds, httpOnly: false, secure, sameSite: 'Strict' });

export interface PresentedSession {
  sessionId: string | undefined;
  /** the X-CSRF-Token header, if it equals the CSRF cookie of this scheme; else undefined. */
  csrfToken: string | undefined;
  /** an X-CSRF-Token header was sent (a mismatch with the cookie is then a 403, not a 401). */
  csrfSent: boolean;
}

/** `secure`: the request came over https, where only `__Host-itc_csrf` counts. */
export function presentedSession(headers: IncomingMessage['headers'], secure: boolean): PresentedSession {
  const cookies = parseCookies(headers.cookie);
  const header = headers[CSRF_HEADER];
  const sent = typeof header === 'string' && header !== '' ? header : undefined;
  const cookie = cookies.get(csrfCookieName(secure));
  return { sessionId: cookies.get(SESSION_COOKIE), csrfToken: sent !== undefined && sent === cookie ? sent : undefined, csrfSent: sent !== undefined };
}

/**
 * A request whose Origin header names another host than the one it was sent to (Host, or the
 * X-Forwarded-Host that a TRUSTED_PROXIES proxy sets): a cross-site page's request (SameSite
 * already keeps the cookie off it; this refuses it even so). No Origin header (curl) passes: the
 * CSRF token still has to match. X-Forwarded-Host from anyone else is ignored, as their
 * X-Forwarded-For and X-Forwarded-Proto are: a client could otherwise name its own origin there.
 */
export function isForeignOrigin(request: Pick<IncomingMessage, 'socket' | 'headers'>, trustedProxies: TrustedProxies): boolean {
  const { headers } = request;
  const origin = headers.origin;
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true; // `null` (a sandboxed frame, a file) or garbage
  }
  if (host === (headers.host ?? '').toLowerCase()) return false;
  if (!trustedProxies.trusts(request.socket.remoteAddress)) return true;
  const forwarded = headers['x-forwarded-host'];
  // the proxy nearest to us appended last (entries further left may be the client's own)
  const forwardedHost = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim().toLowerCase();
  return host !== forwardedHost;
}
