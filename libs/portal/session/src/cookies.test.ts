import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie by exact name and decodes it', () => {
    expect(readCookie('itc_csrf', 'a=1; itc_csrf=abc%2Bdef; b=2')).toBe('abc+def');
    expect(readCookie('itc_csrf', 'x_itc_csrf=no; itc_csrf2=no')).toBeNull();
    expect(readCookie('itc_csrf', '')).toBeNull();
  });
});
