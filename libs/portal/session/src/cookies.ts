/** The value of a cookie the page may read (`itc_csrf` is not httpOnly by design), or null. */
export function readCookie(name: string, cookieHeader: string = globalThis.document?.cookie ?? ''): string | null {
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    const value = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

export const CSRF_COOKIE = 'itc_csrf';
/** Its name over https (the server sets `__Host-itc_csrf` there: Secure, Path=/, no Domain). */
export const SECURE_CSRF_COOKIE = `__Host-${CSRF_COOKIE}`;

/** The session's CSRF token: the https cookie first (over https only it counts), else the plain-http one. */
export function readCsrfCookie(cookieHeader?: string): string | null {
  return readCookie(SECURE_CSRF_COOKIE, cookieHeader) ?? readCookie(CSRF_COOKIE, cookieHeader);
}
export const CSRF_HEADER = 'X-CSRF-Token';
