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
export const CSRF_HEADER = 'X-CSRF-Token';
