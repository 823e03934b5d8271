import { describe, expect, it } from 'vitest';
import { readCookie, readCsrfCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie by exact name and decodes it', () => {
    expect(readCookie('itc_csrf', 'a=1; itc_csrf=abc%2Bdef; b=2')).toBe('abc+def');
    expect(readCookie('itc_csrf', 'x_itc_csrf=no; itc_csrf2=no')).toBeNull();
    expect(readCookie('itc_csrf', '')).toBeNull();
  });

  it('reads the CSRF token from __Host-itc_csrf (https) before itc_csrf (http, or left from before)', () => {
    expect(readCsrfCookie('itc_csrf=old; __Host-itc_csrf=new')).toBe('new');
    expect(readCsrfCookie('__Host-itc_csrf=new')).toBe('new');
    expect(readCsrfCookie('itc_csrf=plain')).toBe('plain');
    expect(readCsrfCookie('other=1')).toBeNull();
  });
});
