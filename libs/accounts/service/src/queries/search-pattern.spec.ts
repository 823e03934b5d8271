import { containsPattern } from './search-pattern.js';

describe('containsPattern', () => {
  it('wraps the text in % and escapes the ILIKE wildcards so they match themselves', () => {
    expect(containsPattern('acme')).toBe('%acme%');
    expect(containsPattern('50%_off\\x')).toBe('%50\\%\\_off\\\\x%');
  });
});
