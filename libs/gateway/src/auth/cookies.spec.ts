import { parseCookies, serializeCookie } from './cookies.js';

describe('parseCookies', () => {
  it('reads name=value pairs separated by semicolons', () => {
    expect([...parseCookies('itc_session=ses_abc; itc_csrf=xyz;theme=dark')]).toEqual([
      ['itc_session', 'ses_abc'],
      ['itc_csrf', 'xyz'],
      ['theme', 'dark'],
    ]);
  });

  it('no header, an empty one or only garbage → no cookies', () => {
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
    expect(parseCookies('; ;novalue; =x; a b=1').size).toBe(0);
  });

  it('the first of two same-named cookies wins (browsers send the most specific path first)', () => {
    expect(parseCookies('a=1; a=2').get('a')).toBe('1');
  });

  it('unquotes, percent-decodes when valid, keeps "=" inside values, takes several headers', () => {
    const cookies = parseCookies(['q="quoted"; pct=a%20b; bad=%E0%A4%A', 'eq=a=b==']);
    expect(cookies.get('q')).toBe('quoted');
    expect(cookies.get('pct')).toBe('a b');
    expect(cookies.get('bad')).toBe('%E0%A4%A');
    expect(cookies.get('eq')).toBe('a=b==');
  });
});

describe('serializeCookie', () => {
  it('writes the attributes', () => {
    expect(serializeCookie('itc_session', 'ses_x-_1', { path: '/api/v1/auth', maxAgeSeconds: 604800, httpOnly: true, secure: true, sameSite: 'Strict' })).toBe(
      'itc_session=ses_x-_1; Path=/api/v1/auth; Max-Age=604800; HttpOnly; Secure; SameSite=Strict',
    );
    expect(serializeCookie('itc_csrf', 'abc', { path: '/', maxAgeSeconds: 60, httpOnly: false, secure: false, sameSite: 'Strict' })).toBe('itc_csrf=abc; Path=/; Max-Age=60; SameSite=Strict');
  });

  it('a deletion has Max-Age=0 and an expiry in the past', () => {
    expect(serializeCookie('itc_csrf', '', { path: '/', maxAgeSeconds: 0, httpOnly: false, secure: false, sameSite: 'Strict' })).toBe(
      'itc_csrf=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict',
    );
  });

  it('refuses a name or value that would break the header', () => {
    const options = { path: '/', maxAgeSeconds: 1, httpOnly: false, secure: false, sameSite: 'Strict' } as const;
    expect(() => serializeCookie('a;b', 'x', options)).toThrow();
    expect(() => serializeCookie('a', 'x; Path=/evil', options)).toThrow();
  });
});
