import { describe, expect, it } from 'vitest';
import { parsePortalSearch, stringifyPortalSearch } from './router.js';

describe('portal search params', () => {
  it('writes number-like filters as the text typed, without JSON quotes', () => {
    expect(stringifyPortalSearch({ q: '1000000016', destination: '44' })).toBe('?q=1000000016&destination=44');
  });
  it('reads every filter back as text (a number-like account stays a string)', () => {
    expect(parsePortalSearch('?q=1000000016&destination=0044')).toEqual({ q: '1000000016', destination: '0044' });
  });
  it('keeps booleans (a flag like ?pending=true) and round-trips text', () => {
    expect(parsePortalSearch(stringifyPortalSearch({ pending: true, status: 'active', q: 'a b+c' }))).toEqual({ pending: true, status: 'active', q: 'a b+c' });
  });
});
